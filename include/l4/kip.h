/*
 * l4/kip.h - the kernel interface page (X.2 §3).
 *
 * The kernel maps the KIP read-only into every space; L4_KernelInterface()
 * (in <l4/syscalls.h>) returns its address.  Fields are words; composite
 * words are decoded with shifts on .raw.  The bitfield views (.X / .x) are
 * for source compatibility.
 *
 * Magic: the first four bytes are 'L' '4' 0xE6 'K' in memory order, so
 * compare *(L4_Word32_t *)kip with L4_MAGIC (a 32-bit value in the
 * target's byte order); on 64-bit ports four zero bytes follow.
 */
#ifndef L4_KIP_H
#define L4_KIP_H

#include <l4/types.h>
#include <l4/syscalls.h>

#ifdef L4_BIG_ENDIAN
# define L4_MAGIC       (('L' << 24) + ('4' << 16) + (0xE6 << 8) + 'K')
#else
# define L4_MAGIC       (('K' << 24) + (0xE6 << 16) + ('4' << 8) + 'L')
#endif

/* API version (bits 24-31 of ApiVersion) and subversion (bits 16-23). */
#define L4_APIVERSION_2         0x02
#define L4_APIVERSION_4         0x04
#define L4_APIVERSION_X0        0x83
#define L4_APIVERSION_X1        0x83
#define L4_APIVERSION_X2        0x84
#define L4_APISUBVERSION_X0     0x80
#define L4_APISUBVERSION_X1     0x81

/* ApiFlags: endianness bits 0-1, word size bits 2-3. */
#define L4_APIFLAG_LE           0x00
#define L4_APIFLAG_BE           0x01
#define L4_APIFLAG_32BIT        0x00
#define L4_APIFLAG_64BIT        0x01

/* Kernel IDs: (id << 8) + subid. */
#define L4_KID_L4_486           ((0 << 8) + 1)
#define L4_KID_L4_PENTIUM       ((0 << 8) + 2)
#define L4_KID_L4_X86           ((0 << 8) + 3)
#define L4_KID_L4_MIPS          ((1 << 8) + 1)
#define L4_KID_L4_ALPHA         ((2 << 8) + 1)
#define L4_KID_FIASCO           ((3 << 8) + 1)
#define L4_KID_L4KA_HAZELNUT    ((4 << 8) + 1)
#define L4_KID_L4KA_PISTACHIO   ((4 << 8) + 2)
#define L4_KID_L4KA_STRAWBERRY  ((4 << 8) + 3)

/* Memory descriptor types (types 0xE and 0xF are qualified by t). */
#define L4_UndefinedMemoryType                  0x0
#define L4_ConventionalMemoryType               0x1
#define L4_ReservedMemoryType                   0x2
#define L4_DedicatedMemoryType                  0x3
#define L4_SharedMemoryType                     0x4
#define L4_BootLoaderSpecificMemoryType         0xe
#define L4_ArchitectureSpecificMemoryType       0xf

typedef union {
    L4_Word_t raw;
    struct { L4_BITFIELD4(L4_Word_t, __padding : 16, subid : 8, id : 8, __L4_PAD32); } x;
} L4_KernelId_t;

typedef union {
    L4_Word_t raw;
    struct { L4_BITFIELD4(L4_Word_t, __padding : 16, subversion : 8, version : 8, __L4_PAD32); } x;
} L4_ApiVersion_t;

typedef union {
    L4_Word_t raw;
    struct { L4_BITFIELD3(L4_Word_t, ee : 2, ww : 2, __padding : L4_BITS_PER_WORD - 4); } x;
} L4_ApiFlags_t;

/* A server's slot: initial SP and IP, and the physical range of its image
 * (low and high, as the kernel's loader filled them). */
typedef struct {
    L4_Word_t sp, ip, low, high;
} L4_KipServer_t;

typedef struct {
    L4_Word_t magic;                    /* 0x00 */
    L4_ApiVersion_t ApiVersion;
    L4_ApiFlags_t ApiFlags;
    L4_Word_t KernelVerPtr;             /* kernel descriptor, from the KIP base */
    L4_Word_t Kdebug[4];                /* 4: init, entry, low, high */
    L4_KipServer_t sigma0;              /* 8 */
    L4_KipServer_t sigma1;              /* 12 */
    L4_KipServer_t root_server;         /* 16 */
    L4_Word_t __reserved20;
    union {                             /* 21: n low half, offset high half */
        L4_Word_t raw;
        struct { L4_BITFIELD2(L4_Word_t, n : L4_BITS_PER_WORD / 2,
                              MemDescPtr : L4_BITS_PER_WORD / 2); } X;
    } MemoryInfo;
    L4_Word_t KdebugConfig[2];          /* 22 */
    L4_Word_t __reserved24[18];         /* 24-41 */
    union {                             /* 42 */
        L4_Word_t raw;
        struct { L4_BITFIELD4(L4_Word_t, m : 10, a : 6, s : 6,
                              __padding : L4_BITS_PER_WORD - 22); } X;
    } UtcbAreaInfo;
    union {                             /* 43 */
        L4_Word_t raw;
        struct { L4_BITFIELD2(L4_Word_t, s : 6, __padding : L4_BITS_PER_WORD - 6); } X;
    } KipAreaInfo;
    L4_Word_t __reserved44[2];
    L4_Word_t BootInfo;                 /* 46 */
    L4_Word_t ProcDescPtr;              /* 47 */
    union {                             /* 48 */
        L4_Word_t raw;
        struct { L4_BITFIELD3(L4_Word_t, ReadPrecision : 16, SchedulePrecision : 16,
                              __L4_PAD32); } X;
    } ClockInfo;
    union {                             /* 49 */
        L4_Word_t raw;
        struct { L4_BITFIELD4(L4_Word_t, t : 8, SystemBase : 12, UserBase : 12,
                              __L4_PAD32); } X;
    } ThreadInfo;
    union {                             /* 50 */
        L4_Word_t raw;
        struct { L4_BITFIELD3(L4_Word_t, rwx : 3, __padding : 7,
                              page_size_mask : L4_BITS_PER_WORD - 10); } X;
    } PageInfo;
    union {                             /* 51 */
        L4_Word_t raw;
        struct { L4_BITFIELD3(L4_Word_t, processors : 16,
                              __padding : L4_BITS_PER_WORD - 20, s : 4); } X;
    } ProcessorInfo;
    /* 52: system call links (Pecan: the system call numbers). */
    L4_Word_t SpaceControl, ThreadControl, ProcessorControl, MemoryControl;
    L4_Word_t Ipc, Lipc, Unmap, ExchangeRegisters;
    L4_Word_t SystemClock, ThreadSwitch, Schedule;
    L4_Word_t __reserved63[5];
    L4_Word_t ArchSyscall0, ArchSyscall1, ArchSyscall2, ArchSyscall3;   /* 68 */
} L4_KernelInterfacePage_t;

_Static_assert(__builtin_offsetof(L4_KernelInterfacePage_t, MemoryInfo) == 21 * sizeof(L4_Word_t),
               "KIP MemoryInfo is word 21");
_Static_assert(__builtin_offsetof(L4_KernelInterfacePage_t, UtcbAreaInfo) == 42 * sizeof(L4_Word_t),
               "KIP UtcbAreaInfo is word 42");
_Static_assert(__builtin_offsetof(L4_KernelInterfacePage_t, SpaceControl) == 52 * sizeof(L4_Word_t),
               "KIP SpaceControl link is word 52");
_Static_assert(__builtin_offsetof(L4_KernelInterfacePage_t, ArchSyscall0) == 68 * sizeof(L4_Word_t),
               "KIP ArchSyscall0 is word 68");

/* Processor descriptor: frequencies in kHz. */
typedef union {
    L4_Word_t raw[4];
    struct { L4_Word_t ExternalFreq, InternalFreq, __padding[2]; } X;
} L4_ProcDesc_t;

/* Memory descriptor: type 0-3, t 4-7, v 9, low >> 10 in 10+; high >> 10 in
 * word 1 bits 10+ (the last byte is high | 0x3ff). */
typedef union {
    L4_Word_t raw[2];
    struct {
        L4_BITFIELD5(L4_Word_t, type : 4, t : 4, __padding1 : 1, v : 1,
                     low : L4_BITS_PER_WORD - 10);
        L4_BITFIELD2(L4_Word_t, __padding2 : 10, high : L4_BITS_PER_WORD - 10);
    } x;
} L4_MemoryDesc_t;

/* The kernel descriptor, at KernelVerPtr from the KIP base. */
typedef struct {
    L4_KernelId_t KernelId;
    L4_Word_t KernelGenDate;    /* day 0-4, month 5-8, year - 2000 9-15 */
    L4_Word_t KernelVer;        /* subsubver 0-15, subver 16-23, ver 24-31 */
    L4_Word_t Supplier;         /* four characters, in memory order */
    char VersionString[];       /* then feature strings; an empty one ends */
} L4_KernelDesc_t;

#define __L4_KIP(k)     ((L4_KernelInterfacePage_t *)(k))

L4_INLINE L4_KernelDesc_t *__L4_KernelDesc(void *KernelInterface)
{
    return (L4_KernelDesc_t *)((char *)KernelInterface + __L4_KIP(KernelInterface)->KernelVerPtr);
}

/* ---- Without a KIP pointer: through the KernelInterface system call -------- */

L4_INLINE void *L4_GetKernelInterface(void)
{
    L4_Word_t v, f, id;
    return L4_KernelInterface(&v, &f, &id);
}

L4_INLINE L4_Word_t L4_ApiVersion(void)
{
    L4_Word_t v, f, id;
    (void)L4_KernelInterface(&v, &f, &id);
    return v;
}

L4_INLINE L4_Word_t L4_ApiFlags(void)
{
    L4_Word_t v, f, id;
    (void)L4_KernelInterface(&v, &f, &id);
    return f;
}

L4_INLINE L4_Word_t L4_KernelId(void)
{
    L4_Word_t v, f, id;
    (void)L4_KernelInterface(&v, &f, &id);
    return id;
}

/* ---- The kernel descriptor ------------------------------------------------------- */

L4_INLINE void L4_KernelGenDate(void *KernelInterface, L4_Word_t *year,
                                L4_Word_t *month, L4_Word_t *day)
{
    L4_Word_t gen = __L4_KernelDesc(KernelInterface)->KernelGenDate;
    *year = ((gen >> 9) & 0x7f) + 2000;
    *month = (gen >> 5) & 0xf;
    *day = gen & 0x1f;
}

L4_INLINE L4_Word_t L4_KernelVersion(void *KernelInterface)
{
    return __L4_KernelDesc(KernelInterface)->KernelVer;
}

L4_INLINE L4_Word_t L4_KernelSupplier(void *KernelInterface)
{
    return __L4_KernelDesc(KernelInterface)->Supplier;
}

L4_INLINE char *L4_KernelVersionString(void *KernelInterface)
{
    return __L4_KernelDesc(KernelInterface)->VersionString;
}

/* Feature string num (from 0), or 0 past the last. */
L4_INLINE char *L4_Feature(void *KernelInterface, L4_Word_t num)
{
    char *s = L4_KernelVersionString(KernelInterface);
    for (;;) {
        while (*s++ != 0)
            ;
        if (*s == 0)
            return (char *)0;
        if (num-- == 0)
            return s;
    }
}

L4_INLINE L4_Bool_t L4_HasFeature(const char *name)
{
    void *kip = L4_GetKernelInterface();
    char *f;
    for (L4_Word_t i = 0; (f = L4_Feature(kip, i)) != 0; i++) {
        const char *n = name;
        while (*f && *f == *n)
            f++, n++;
        if (*f == 0 && *n == 0)
            return 1;
    }
    return 0;
}

/* ---- Processors, memory, pages, threads, clock, UTCB and KIP areas ----------- */

L4_INLINE L4_Word_t L4_NumProcessors(void *KernelInterface)
{
    return (__L4_KIP(KernelInterface)->ProcessorInfo.raw & 0xffff) + 1;
}

/* Descriptor of cpu (from 0), or 0 if there is no such CPU. */
L4_INLINE L4_ProcDesc_t *L4_ProcDesc(void *KernelInterface, L4_Word_t cpu)
{
    L4_KernelInterfacePage_t *kip = __L4_KIP(KernelInterface);
    L4_Word_t log2size = kip->ProcessorInfo.raw >> (L4_BITS_PER_WORD - 4);
    if (cpu >= L4_NumProcessors(kip))
        return (L4_ProcDesc_t *)0;
    return (L4_ProcDesc_t *)((char *)kip + kip->ProcDescPtr + (cpu << log2size));
}

L4_INLINE L4_Word_t L4_ProcDescExternalFreq(L4_ProcDesc_t *p) { return p->raw[0]; }
L4_INLINE L4_Word_t L4_ProcDescInternalFreq(L4_ProcDesc_t *p) { return p->raw[1]; }

L4_INLINE L4_Word_t L4_NumMemoryDescriptors(void *KernelInterface)
{
    return __L4_KIP(KernelInterface)->MemoryInfo.raw & (~0UL >> (L4_BITS_PER_WORD / 2));
}

/* Descriptor num (from 0), or 0 past the last. */
L4_INLINE L4_MemoryDesc_t *L4_MemoryDesc(void *KernelInterface, L4_Word_t num)
{
    L4_KernelInterfacePage_t *kip = __L4_KIP(KernelInterface);
    if (num >= L4_NumMemoryDescriptors(kip))
        return (L4_MemoryDesc_t *)0;
    return (L4_MemoryDesc_t *)((char *)kip + (kip->MemoryInfo.raw >> (L4_BITS_PER_WORD / 2))) + num;
}

L4_INLINE L4_Bool_t L4_IsMemoryDescVirtual(L4_MemoryDesc_t *m) { return (m->raw[0] >> 9) & 1; }

/* The type; for types 0xE and 0xF plus t << 4. */
L4_INLINE L4_Word_t L4_MemoryDescType(L4_MemoryDesc_t *m)
{
    L4_Word_t type = m->raw[0] & 0xf;
    return type >= 0xe ? type + (m->raw[0] & 0xf0) : type;
}

L4_INLINE L4_Word_t L4_MemoryDescLow(L4_MemoryDesc_t *m) { return m->raw[0] & ~0x3ffUL; }
L4_INLINE L4_Word_t L4_MemoryDescHigh(L4_MemoryDesc_t *m) { return m->raw[1] | 0x3ff; }

/* Bit k set: pages of 2^k bytes are supported (k >= 10). */
L4_INLINE L4_Word_t L4_PageSizeMask(void *KernelInterface)
{
    return __L4_KIP(KernelInterface)->PageInfo.raw & ~0x3ffUL;
}

/* The rights (rwx) that can be controlled separately. */
L4_INLINE L4_Word_t L4_PageRights(void *KernelInterface)
{
    return __L4_KIP(KernelInterface)->PageInfo.raw & 7;
}

L4_INLINE L4_Word_t L4_ThreadIdBits(void *KernelInterface)
{
    return __L4_KIP(KernelInterface)->ThreadInfo.raw & 0xff;
}

L4_INLINE L4_Word_t L4_ThreadIdSystemBase(void *KernelInterface)
{
    return (__L4_KIP(KernelInterface)->ThreadInfo.raw >> 8) & 0xfff;
}

L4_INLINE L4_Word_t L4_ThreadIdUserBase(void *KernelInterface)
{
    return (__L4_KIP(KernelInterface)->ThreadInfo.raw >> 20) & 0xfff;
}

L4_INLINE L4_Word_t L4_ReadPrecision(void *KernelInterface)
{
    return __L4_KIP(KernelInterface)->ClockInfo.raw & 0xffff;
}

L4_INLINE L4_Word_t L4_SchedulePrecision(void *KernelInterface)
{
    return (__L4_KIP(KernelInterface)->ClockInfo.raw >> 16) & 0xffff;
}

L4_INLINE L4_Word_t L4_UtcbAreaSizeLog2(void *KernelInterface)
{
    return (__L4_KIP(KernelInterface)->UtcbAreaInfo.raw >> 16) & 0x3f;
}

L4_INLINE L4_Word_t L4_UtcbAreaSize(void *KernelInterface)
{
    return 1UL << L4_UtcbAreaSizeLog2(KernelInterface);
}

L4_INLINE L4_Word_t L4_UtcbAlignmentLog2(void *KernelInterface)
{
    return (__L4_KIP(KernelInterface)->UtcbAreaInfo.raw >> 10) & 0x3f;
}

/* m * 2^a bytes. */
L4_INLINE L4_Word_t L4_UtcbSize(void *KernelInterface)
{
    L4_Word_t info = __L4_KIP(KernelInterface)->UtcbAreaInfo.raw;
    return (info & 0x3ff) << ((info >> 10) & 0x3f);
}

L4_INLINE L4_Word_t L4_KipAreaSizeLog2(void *KernelInterface)
{
    return __L4_KIP(KernelInterface)->KipAreaInfo.raw & 0x3f;
}

L4_INLINE L4_Word_t L4_KipAreaSize(void *KernelInterface)
{
    return 1UL << L4_KipAreaSizeLog2(KernelInterface);
}

L4_INLINE L4_Word_t L4_BootInfo(void *KernelInterface)
{
    return __L4_KIP(KernelInterface)->BootInfo;
}

#endif
