/*
 * l4/types.h - the basic L4 X.2 types: words, fpages, thread IDs, clock and
 * time, and the error codes of the system calls.
 *
 * Every format is a set of bit positions in a word (X.2 numbers bit 0 as the
 * least significant).  The functions below work on .raw with shifts and
 * masks, so they are right on big- and little-endian ports alike.  The
 * bitfield views (.X, .global.X, ...) exist for source compatibility with
 * Pistachio's convenience interface; their member order is reversed on
 * big-endian targets (L4_BITFIELDn), so each field keeps its bit position.
 */
#ifndef L4_TYPES_H
#define L4_TYPES_H

#define L4_INLINE static inline

/* ---- Words ---------------------------------------------------------------- */

typedef unsigned long           L4_Word_t;      /* one register */
typedef __UINT8_TYPE__          L4_Word8_t;
typedef __UINT16_TYPE__         L4_Word16_t;
typedef __UINT32_TYPE__         L4_Word32_t;
typedef __UINT64_TYPE__         L4_Word64_t;
typedef long                    L4_SignedWord_t;
typedef __INT8_TYPE__           L4_SignedWord8_t;
typedef __INT16_TYPE__          L4_SignedWord16_t;
typedef __INT32_TYPE__          L4_SignedWord32_t;
typedef __INT64_TYPE__          L4_SignedWord64_t;
typedef L4_Word_t               L4_Bool_t;
typedef L4_Word_t               L4_Size_t;

#define L4_BITS_PER_WORD        (__SIZEOF_LONG__ * 8)

/* Word size and byte order, from the compiler (never from an architecture name). */
#if __SIZEOF_LONG__ == 8
# define L4_64BIT 1
#else
# define L4_32BIT 1
#endif
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
# define L4_BIG_ENDIAN 1
#else
# define L4_LITTLE_ENDIAN 1
#endif

/*
 * Bitfield views: list the fields from bit 0 upwards; on big-endian targets
 * GCC allocates the first member at the most significant end, so the list is
 * reversed there.  Members that together fill the base type exactly.
 */
#ifdef L4_BIG_ENDIAN
# define L4_BITFIELD2(t, a, b)                  t b; t a
# define L4_BITFIELD3(t, a, b, c)               t c; t b; t a
# define L4_BITFIELD4(t, a, b, c, d)            t d; t c; t b; t a
# define L4_BITFIELD5(t, a, b, c, d, e)         t e; t d; t c; t b; t a
# define L4_BITFIELD6(t, a, b, c, d, e, f)      t f; t e; t d; t c; t b; t a
#else
# define L4_BITFIELD2(t, a, b)                  t a; t b
# define L4_BITFIELD3(t, a, b, c)               t a; t b; t c
# define L4_BITFIELD4(t, a, b, c, d)            t a; t b; t c; t d
# define L4_BITFIELD5(t, a, b, c, d, e)         t a; t b; t c; t d; t e
# define L4_BITFIELD6(t, a, b, c, d, e, f)      t a; t b; t c; t d; t e; t f
#endif

/* The upper 32 bits of a 64-bit word as padding (nothing on 32-bit ports). */
#ifdef L4_64BIT
# define __L4_PAD32     __pad32 : 32
#else
# define __L4_PAD32     : 0
#endif

/* Index of the most significant set bit; w must not be 0. */
L4_INLINE L4_Word_t __L4_Msb(L4_Word_t w)
{
    return L4_BITS_PER_WORD - 1 - (L4_Word_t)__builtin_clzl(w);
}

/* ---- Error codes (the ErrorCode TCR after a failed system call) ----------- */

#define L4_ErrOk                0
#define L4_ErrNoPrivilege       1
#define L4_ErrInvalidThread     2
#define L4_ErrInvalidSpace      3
#define L4_ErrInvalidScheduler  4
#define L4_ErrInvalidParam      5
#define L4_ErrUtcbArea          6
#define L4_ErrKipArea           7
#define L4_ErrNoMem             8

#define L4_ERROR_OK                 L4_ErrOk
#define L4_ERROR_NO_PRIVILEGE       L4_ErrNoPrivilege
#define L4_ERROR_INVALID_THREAD     L4_ErrInvalidThread
#define L4_ERROR_INVALID_SPACE      L4_ErrInvalidSpace
#define L4_ERROR_INVALID_SCHEDULER  L4_ErrInvalidScheduler
#define L4_ERROR_INVALID_PARAM      L4_ErrInvalidParam
#define L4_ERROR_UTCB_AREA          L4_ErrUtcbArea
#define L4_ERROR_KIP_AREA           L4_ErrKipArea
#define L4_ERROR_NO_MEM             L4_ErrNoMem

/*
 * IPC errors (message tag flag E set): ErrorCode bit 0 is the phase
 * (0 send, 1 receive), bits 1-3 the code below, bits 4 and up the bytes
 * already transferred (codes 4-7).  Pecan names; X.2 gives only numbers.
 */
#define L4_IpcErrTimeout            1   /* partner not ready in time */
#define L4_IpcErrNoPartner          2   /* partner does not exist */
#define L4_IpcErrCanceled           3   /* ExchangeRegisters, before transfer */
#define L4_IpcErrMsgOverflow        4
#define L4_IpcErrXferTimeoutInvoker 5
#define L4_IpcErrXferTimeoutPartner 6
#define L4_IpcErrAborted            7   /* ExchangeRegisters, during transfer */

L4_INLINE L4_Word_t L4_IpcErrorCode(L4_Word_t err) { return (err >> 1) & 7; }
L4_INLINE L4_Bool_t L4_IpcErrorInReceive(L4_Word_t err) { return err & 1; }
L4_INLINE L4_Word_t L4_IpcErrorOffset(L4_Word_t err) { return err >> 4; }

/* ---- Fpages: rights bits 0-2, bit 3 reserved, s bits 4-9, base >> 10 ------ */

typedef union {
    L4_Word_t raw;
    struct {
        L4_BITFIELD4(L4_Word_t,
            rwx : 3,
            reserved : 1,
            s : 6,
            b : L4_BITS_PER_WORD - 10);
    } X;
} L4_Fpage_t;

#define L4_eXecutable           0x01
#define L4_Writable             0x02
#define L4_Readable             0x04
#define L4_FullyAccessible      0x07
#define L4_ReadWriteOnly        0x06
#define L4_ReadeXecOnly         0x05
#define L4_NoAccess             0x00

#define L4_Nilpage              ((L4_Fpage_t){ .raw = 0 })
#define L4_CompleteAddressSpace ((L4_Fpage_t){ .raw = 1UL << 4 })   /* s = 1, base 0 */

L4_INLINE L4_Word_t L4_SizeLog2(L4_Fpage_t f) { return (f.raw >> 4) & 0x3f; }
L4_INLINE L4_Word_t L4_Rights(L4_Fpage_t f) { return f.raw & 7; }
L4_INLINE L4_Bool_t L4_IsNilFpage(L4_Fpage_t f) { return f.raw == 0; }

/* The fpage's 2^s-aligned base. */
L4_INLINE L4_Word_t L4_Address(L4_Fpage_t f)
{
    L4_Word_t s = L4_SizeLog2(f);
    L4_Word_t mask = s >= L4_BITS_PER_WORD ? ~0UL : (1UL << s) - 1;
    return f.raw & ~0x3ffUL & ~mask;
}

/* 2^s bytes; 0 for the nil fpage (and for s too large for a word). */
L4_INLINE L4_Word_t L4_Size(L4_Fpage_t f)
{
    L4_Word_t s = L4_SizeLog2(f);
    return s == 0 || s >= L4_BITS_PER_WORD ? 0 : 1UL << s;
}

L4_INLINE L4_Fpage_t L4_FpageLog2(L4_Word_t BaseAddress, int FpageSize)
{
    L4_Fpage_t f;
    f.raw = (BaseAddress & ~0x3ffUL) | ((L4_Word_t)FpageSize & 0x3f) << 4;
    return f;
}

/* An fpage of at least FpageSize bytes (rounded up to a power of two). */
L4_INLINE L4_Fpage_t L4_Fpage(L4_Word_t BaseAddress, L4_Word_t FpageSize)
{
    int s = 0;
    if (FpageSize > 1) {
        s = (int)__L4_Msb(FpageSize);
        if ((1UL << s) < FpageSize)
            s++;
    }
    return L4_FpageLog2(BaseAddress, s);
}

L4_INLINE L4_Fpage_t L4_Set_Rights(L4_Fpage_t *f, L4_Word_t rwx)
{
    f->raw = (f->raw & ~7UL) | (rwx & 7);
    return *f;
}

L4_INLINE L4_Fpage_t L4_FpageAddRights(L4_Fpage_t f, L4_Word_t rwx)
{
    f.raw |= rwx & 7;
    return f;
}

L4_INLINE L4_Fpage_t L4_FpageAddRightsTo(L4_Fpage_t *f, L4_Word_t rwx)
{
    f->raw |= rwx & 7;
    return *f;
}

L4_INLINE L4_Fpage_t L4_FpageRemoveRights(L4_Fpage_t f, L4_Word_t rwx)
{
    f.raw &= ~(rwx & 7);
    return f;
}

L4_INLINE L4_Fpage_t L4_FpageRemoveRightsFrom(L4_Fpage_t *f, L4_Word_t rwx)
{
    f->raw &= ~(rwx & 7);
    return *f;
}

/* ---- Thread IDs ------------------------------------------------------------
 * global: version in the low 14/32 bits, thread number above (18/32 bits);
 * local:  low 6 bits zero, the local ID above.  A word is local iff its
 * low 6 bits are zero.
 */

#ifdef L4_64BIT
# define __L4_VERSION_BITS      32
#else
# define __L4_VERSION_BITS      14
#endif

typedef union {
    L4_Word_t raw;
    struct {
        L4_BITFIELD2(L4_Word_t,
            version : __L4_VERSION_BITS,
            thread_no : L4_BITS_PER_WORD - __L4_VERSION_BITS);
    } X;
} L4_GthreadId_t;

typedef union {
    L4_Word_t raw;
    struct {
        L4_BITFIELD2(L4_Word_t,
            __zeros : 6,
            local_id : L4_BITS_PER_WORD - 6);
    } X;
} L4_LthreadId_t;

typedef union {
    L4_Word_t raw;
    L4_GthreadId_t global;
    L4_LthreadId_t local;
} L4_ThreadId_t;

#define L4_nilthread            ((L4_ThreadId_t){ .raw = 0 })
#define L4_anythread            ((L4_ThreadId_t){ .raw = ~0UL })
#define L4_anylocalthread       ((L4_ThreadId_t){ .raw = ~0UL << 6 })

L4_INLINE L4_ThreadId_t L4_GlobalId(L4_Word_t threadno, L4_Word_t version)
{
    L4_ThreadId_t t;
    t.raw = threadno << __L4_VERSION_BITS
          | (version & ((1UL << __L4_VERSION_BITS) - 1));
    return t;
}

L4_INLINE L4_Word_t L4_Version(L4_ThreadId_t t)
{
    return t.raw & ((1UL << __L4_VERSION_BITS) - 1);
}

L4_INLINE L4_Word_t L4_ThreadNo(L4_ThreadId_t t)
{
    return t.raw >> __L4_VERSION_BITS;
}

L4_INLINE L4_Bool_t L4_IsThreadEqual(L4_ThreadId_t l, L4_ThreadId_t r) { return l.raw == r.raw; }
L4_INLINE L4_Bool_t L4_IsThreadNotEqual(L4_ThreadId_t l, L4_ThreadId_t r) { return l.raw != r.raw; }
L4_INLINE L4_Bool_t L4_IsNilThread(L4_ThreadId_t t) { return t.raw == 0; }
L4_INLINE L4_Bool_t L4_IsLocalId(L4_ThreadId_t t) { return (t.raw & 0x3f) == 0; }
L4_INLINE L4_Bool_t L4_IsGlobalId(L4_ThreadId_t t) { return (t.raw & 0x3f) != 0; }

/* ---- Clock: 64-bit microseconds ------------------------------------------- */

typedef union {
    L4_Word64_t raw;
    struct {
        L4_BITFIELD2(L4_Word32_t, low, high);   /* word halves, by significance */
    } X;
} L4_Clock_t;

L4_INLINE L4_Clock_t L4_ClockAddUsec(L4_Clock_t c, L4_Word64_t r) { c.raw += r; return c; }
L4_INLINE L4_Clock_t L4_ClockSubUsec(L4_Clock_t c, L4_Word64_t r) { c.raw -= r; return c; }
L4_INLINE L4_Bool_t L4_IsClockEarlier(L4_Clock_t l, L4_Clock_t r) { return l.raw < r.raw; }
L4_INLINE L4_Bool_t L4_IsClockLater(L4_Clock_t l, L4_Clock_t r) { return l.raw > r.raw; }
L4_INLINE L4_Bool_t L4_IsClockEqual(L4_Clock_t l, L4_Clock_t r) { return l.raw == r.raw; }
L4_INLINE L4_Bool_t L4_IsClockNotEqual(L4_Clock_t l, L4_Clock_t r) { return l.raw != r.raw; }

/* ---- Time: 16 bits ----------------------------------------------------------
 * period (bit 15 = 0): m bits 0-9, e bits 10-14, m * 2^e microseconds;
 * point  (bit 15 = 1): m bits 0-9, c bit 10, e bits 11-14.
 * Never is 0; ZeroTime is m = 0, e = 1.
 */

typedef union {
    L4_Word16_t raw;
    struct {
        L4_BITFIELD3(L4_Word16_t, m : 10, e : 5, a : 1);
    } period;
    struct {
        L4_BITFIELD4(L4_Word16_t, m : 10, c : 1, e : 4, a : 1);
    } point;
} L4_Time_t;

#define L4_Never                ((L4_Time_t){ .raw = 0 })
#define L4_ZeroTime             ((L4_Time_t){ .raw = 1 << 10 })

/* A period of (about) the given length: the smallest exponent whose 10-bit
 * mantissa holds it, rounding down; Never if it does not fit. */
L4_INLINE L4_Time_t L4_TimePeriod(L4_Word64_t microseconds)
{
    L4_Time_t t;
    L4_Word_t e = 0;

    if (microseconds == 0)
        return L4_ZeroTime;
    while (microseconds >= (1 << 10)) {
        microseconds >>= 1;
        e++;
    }
    if (e > 31)
        return L4_Never;
    t.raw = (L4_Word16_t)(e << 10 | microseconds);
    return t;
}

L4_INLINE L4_Bool_t L4_IsTimePeriod(L4_Time_t t) { return (t.raw & 0x8000) == 0; }
L4_INLINE L4_Bool_t L4_IsTimePoint(L4_Time_t t) { return (t.raw & 0x8000) != 0; }

#endif
