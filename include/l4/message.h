/*
 * l4/message.h - messages: the tag, typed items (map, grant, string),
 * message objects (L4_Msg_t), acceptors and receive buffers (X.2 §5).
 *
 * Word formats, bit 0 least significant:
 *   tag        u 0-5, t 6-11, flags 12-15 (p 12, r 13, X 14, E 15), label 16+
 *   map/grant  C 0, type 1-3 (100 map, 101 grant), 4-9 zero, SndBase>>10 10+;
 *              then the send fpage
 *   string     C 0, hh 1-2, 3 = 0, j 4-8 (substrings - 1), c 9, length 10+;
 *              then j+1 substring addresses
 *   acceptor   s 0 (strings), 1-3 zero, receive window fpage bits 4+
 */
#ifndef L4_MESSAGE_H
#define L4_MESSAGE_H

#include <l4/types.h>
#include <l4/vregs.h>
#include <l4/syscalls.h>

#define __L4_NUM_MRS    L4_NUM_MRS
#define __L4_NUM_BRS    L4_NUM_BRS

/* ---- Message tag --------------------------------------------------------------- */

#define L4_Niltag               ((L4_MsgTag_t){ .raw = 0 })

#define __L4_LABEL_SHIFT        16
#define __L4_FLAG_P             (1UL << 12)
#define __L4_FLAG_R             (1UL << 13)
#define __L4_FLAG_X             (1UL << 14)
#define __L4_FLAG_E             (1UL << 15)

L4_INLINE L4_Word_t L4_Label(L4_MsgTag_t t) { return t.raw >> __L4_LABEL_SHIFT; }
L4_INLINE L4_Word_t L4_UntypedWords(L4_MsgTag_t t) { return t.raw & 0x3f; }
L4_INLINE L4_Word_t L4_TypedWords(L4_MsgTag_t t) { return (t.raw >> 6) & 0x3f; }

L4_INLINE void L4_Set_Label(L4_MsgTag_t *t, L4_Word_t label)
{
    t->raw = (t->raw & 0xffffUL) | label << __L4_LABEL_SHIFT;
}

L4_INLINE L4_MsgTag_t L4_MsgTagAddLabel(L4_MsgTag_t t, int label)
{
    L4_Set_Label(&t, (L4_Word_t)label);
    return t;
}

L4_INLINE L4_MsgTag_t L4_MsgTagAddLabelTo(L4_MsgTag_t *t, int label)
{
    L4_Set_Label(t, (L4_Word_t)label);
    return *t;
}

L4_INLINE L4_Bool_t L4_IsMsgTagEqual(L4_MsgTag_t l, L4_MsgTag_t r) { return l.raw == r.raw; }
L4_INLINE L4_Bool_t L4_IsMsgTagNotEqual(L4_MsgTag_t l, L4_MsgTag_t r) { return l.raw != r.raw; }

/* The tag in MR0. */
L4_INLINE L4_MsgTag_t L4_MsgTag(void)
{
    L4_MsgTag_t t;
    L4_StoreMR(0, &t.raw);
    return t;
}

L4_INLINE void L4_Set_MsgTag(L4_MsgTag_t t) { L4_LoadMR(0, t.raw); }

L4_INLINE L4_Bool_t L4_IpcSucceeded(L4_MsgTag_t t) { return (t.raw & __L4_FLAG_E) == 0; }
L4_INLINE L4_Bool_t L4_IpcFailed(L4_MsgTag_t t) { return (t.raw & __L4_FLAG_E) != 0; }
L4_INLINE L4_Bool_t L4_IpcPropagated(L4_MsgTag_t t) { return (t.raw & __L4_FLAG_P) != 0; }
L4_INLINE L4_Bool_t L4_IpcRedirected(L4_MsgTag_t t) { return (t.raw & __L4_FLAG_R) != 0; }
L4_INLINE L4_Bool_t L4_IpcXcpu(L4_MsgTag_t t) { return (t.raw & __L4_FLAG_X) != 0; }

/* Ask for propagation; the sender also sets the VirtualSender TCR. */
L4_INLINE void L4_Set_Propagation(L4_MsgTag_t *t) { t->raw |= __L4_FLAG_P; }

/*
 * Labels of the kernel's own messages and of the sigma0 protocol, as
 * L4_Label() returns them: negative numbers shifted left 4, cut to the label
 * field's width (X.2 §9-10).  A page fault adds the access's rwx bits to
 * L4_LABEL_PAGEFAULT.  Pecan names; X.2 gives only the numbers.
 */
#define __L4_NEGATIVE_LABEL(n)  ((-(L4_Word_t)(n) << 4) & (~0UL >> __L4_LABEL_SHIFT))
#define L4_LABEL_INTERRUPT      __L4_NEGATIVE_LABEL(1)  /* 0xfff0 */
#define L4_LABEL_PAGEFAULT      __L4_NEGATIVE_LABEL(2)  /* 0xffe0 | rwx */
#define L4_LABEL_PREEMPTION     __L4_NEGATIVE_LABEL(3)  /* 0xffd0 */
#define L4_LABEL_SYSEXC         __L4_NEGATIVE_LABEL(4)  /* 0xffc0 */
#define L4_LABEL_EXCEPTION      __L4_NEGATIVE_LABEL(5)  /* 0xffb0 */
#define L4_LABEL_SIGMA0         __L4_NEGATIVE_LABEL(6)  /* 0xffa0 */
#define L4_LABEL_IOFAULT        __L4_NEGATIVE_LABEL(8)  /* 0xff80 */

/* ---- Map and grant items ----------------------------------------------------------- */

typedef union {
    L4_Word_t raw[2];
    struct {
        L4_BITFIELD4(L4_Word_t,
            C : 1,
            __type : 3,
            __zeros : 6,
            snd_base : L4_BITS_PER_WORD - 10);
        L4_Fpage_t snd_fpage;
    } X;
} L4_MapItem_t;

typedef L4_MapItem_t L4_GrantItem_t;

#define __L4_ITEM_TYPE(w)       (((w) >> 1) & 7)
#define __L4_ITEM_MAP           4
#define __L4_ITEM_GRANT         5

L4_INLINE L4_MapItem_t __L4_MapGrantItem(L4_Word_t type, L4_Fpage_t f, L4_Word_t SndBase)
{
    L4_MapItem_t m;
    m.raw[0] = (SndBase & ~0x3ffUL) | type << 1;
    m.raw[1] = f.raw;
    return m;
}

L4_INLINE L4_MapItem_t L4_MapItem(L4_Fpage_t f, L4_Word_t SndBase)
{
    return __L4_MapGrantItem(__L4_ITEM_MAP, f, SndBase);
}

L4_INLINE L4_Bool_t L4_IsMapItem(L4_MapItem_t m) { return __L4_ITEM_TYPE(m.raw[0]) == __L4_ITEM_MAP; }
L4_INLINE L4_Fpage_t L4_MapItemSndFpage(L4_MapItem_t m) { return (L4_Fpage_t){ .raw = m.raw[1] }; }
L4_INLINE L4_Word_t L4_MapItemSndBase(L4_MapItem_t m) { return m.raw[0] & ~0x3ffUL; }

L4_INLINE L4_GrantItem_t L4_GrantItem(L4_Fpage_t f, L4_Word_t SndBase)
{
    return __L4_MapGrantItem(__L4_ITEM_GRANT, f, SndBase);
}

L4_INLINE L4_Bool_t L4_IsGrantItem(L4_GrantItem_t g) { return __L4_ITEM_TYPE(g.raw[0]) == __L4_ITEM_GRANT; }
L4_INLINE L4_Fpage_t L4_GrantItemSndFpage(L4_GrantItem_t g) { return (L4_Fpage_t){ .raw = g.raw[1] }; }
L4_INLINE L4_Word_t L4_GrantItemSndBase(L4_GrantItem_t g) { return g.raw[0] & ~0x3ffUL; }

/* ---- String items ----------------------------------------------------------------
 * An item is j+2 words; a compound string is a chain of items with c set on
 * all but the last.  In a receive buffer list the C bit of a string's first
 * item says another buffer follows.
 */

typedef union {
    L4_Word_t raw[2];
    struct {
        L4_BITFIELD5(L4_Word_t,
            C : 1,
            __type : 3,
            j : 5,
            c : 1,
            string_length : L4_BITS_PER_WORD - 10);
        union {
            void *string_ptr;
            void *substring_ptr[0];     /* j+1 of them */
        } str;
    } X;
} L4_StringItem_t;

#define __L4_STR_C              1UL             /* another item/buffer follows */
#define __L4_STR_HINT           (3UL << 1)
#define __L4_STR_c              (1UL << 9)      /* compound: next item continues */
#define __L4_STR_J(w)           (((w) >> 4) & 0x1f)

L4_INLINE L4_StringItem_t L4_StringItem(int size, void *address)
{
    L4_StringItem_t s;
    s.raw[0] = (L4_Word_t)size << 10;
    s.raw[1] = (L4_Word_t)address;
    return s;
}

L4_INLINE L4_Bool_t L4_IsStringItem(L4_StringItem_t *s) { return (s->raw[0] & 8) == 0; }
L4_INLINE L4_Bool_t L4_CompoundString(L4_StringItem_t *s) { return (s->raw[0] & __L4_STR_c) != 0; }
L4_INLINE L4_Word_t L4_Substrings(L4_StringItem_t *s) { return __L4_STR_J(s->raw[0]) + 1; }
L4_INLINE L4_Word_t L4_StringLength(L4_StringItem_t *s) { return s->raw[0] >> 10; }

/* Substring n, counted from 1. */
L4_INLINE void *L4_Substring(L4_StringItem_t *s, L4_Word_t n)
{
    return (void *)((L4_Word_t *)s)[n];     /* the item is longer than raw[] */
}

/* The word after the string that starts at s (all its compound items);
 * *last, if asked, gets its last item. */
L4_INLINE L4_Word_t *__L4_EndOfString(L4_Word_t *s, L4_Word_t **last)
{
    L4_Word_t *item;
    do {
        item = s;
        s += __L4_STR_J(item[0]) + 2;
    } while (item[0] & __L4_STR_c);
    if (last)
        *last = item;
    return s;
}

/* The word after a list of strings linked by C on each first item; *last,
 * if asked, gets the first item of the list's last string. */
L4_INLINE L4_Word_t *__L4_EndOfStrings(L4_Word_t *s, L4_Word_t **last)
{
    L4_Word_t *first;
    do {
        first = s;
        s = __L4_EndOfString(s, (L4_Word_t **)0);
    } while (first[0] & __L4_STR_C);
    if (last)
        *last = first;
    return s;
}

/* Copy the string at s (all its items) to d; returns its length in words. */
L4_INLINE L4_Word_t __L4_CopyString(L4_Word_t *d, L4_Word_t *s)
{
    L4_Word_t *end = __L4_EndOfString(s, (L4_Word_t **)0);
    L4_Word_t n = (L4_Word_t)(end - s);
    for (L4_Word_t i = 0; i < n; i++)
        d[i] = s[i];
    return n;
}

/* Append substr (a string, copied) to the compound string dest; returns
 * where the copy went.  dest must have room. */
L4_INLINE L4_StringItem_t *L4_AddSubstringTo(L4_StringItem_t *dest, L4_StringItem_t *substr)
{
    L4_Word_t *last;
    L4_Word_t *end = __L4_EndOfString(dest->raw, &last);
    last[0] |= __L4_STR_c;
    __L4_CopyString(end, substr->raw);
    return (L4_StringItem_t *)end;
}

/* Add a substring address to the last item of dest (j grows by one). */
L4_INLINE L4_StringItem_t *L4_AddSubstringAddressTo(L4_StringItem_t *dest, void *substring_addr)
{
    L4_Word_t *last;
    L4_Word_t j;
    __L4_EndOfString(dest->raw, &last);
    j = __L4_STR_J(last[0]) + 1;
    last[0] = (last[0] & ~(0x1fUL << 4)) | j << 4;
    last[j + 1] = (L4_Word_t)substring_addr;
    return dest;
}

/* Cache allocation hints: the hh bits 1-2 of a string item. */
typedef struct { L4_Word_t raw; } L4_CacheAllocationHint_t;

#define L4_UseDefaultCacheAllocation ((L4_CacheAllocationHint_t){ .raw = 0 })

L4_INLINE L4_CacheAllocationHint_t L4_CacheAllocationHint(L4_StringItem_t s)
{
    return (L4_CacheAllocationHint_t){ .raw = s.raw[0] & __L4_STR_HINT };
}

L4_INLINE L4_Bool_t L4_IsCacheAllocationHintEqual(L4_CacheAllocationHint_t l,
                                                  L4_CacheAllocationHint_t r)
{
    return (l.raw & __L4_STR_HINT) == (r.raw & __L4_STR_HINT);
}

L4_INLINE L4_Bool_t L4_IsCacheAllocationHintNotEqual(L4_CacheAllocationHint_t l,
                                                     L4_CacheAllocationHint_t r)
{
    return !L4_IsCacheAllocationHintEqual(l, r);
}

L4_INLINE L4_StringItem_t L4_AddCacheAllocationHint(L4_StringItem_t dest,
                                                    L4_CacheAllocationHint_t h)
{
    dest.raw[0] |= h.raw & __L4_STR_HINT;
    return dest;
}

L4_INLINE L4_StringItem_t L4_AddCacheAllocationHintTo(L4_StringItem_t *dest,
                                                      L4_CacheAllocationHint_t h)
{
    dest->raw[0] |= h.raw & __L4_STR_HINT;
    return *dest;
}

/* ---- Message objects: a copy of MR0...MR63 in memory ---------------------------- */

typedef union {
    L4_Word_t raw[__L4_NUM_MRS];
    L4_Word_t msg[__L4_NUM_MRS];
    L4_MsgTag_t tag;
} L4_Msg_t;

L4_INLINE L4_Word_t __L4_MsgU(const L4_Msg_t *m) { return L4_UntypedWords(m->tag); }
L4_INLINE L4_Word_t __L4_MsgT(const L4_Msg_t *m) { return L4_TypedWords(m->tag); }

L4_INLINE void __L4_MsgSetUT(L4_Msg_t *m, L4_Word_t u, L4_Word_t t)
{
    m->tag.raw = (m->tag.raw & ~0xfffUL) | (u & 0x3f) | (t & 0x3f) << 6;
}

L4_INLINE void L4_MsgClear(L4_Msg_t *msg) { msg->msg[0] = 0; }

/* Label, u untyped words and t typed words; clears the flags. */
L4_INLINE void L4_MsgPut(L4_Msg_t *msg, L4_Word_t label, int u, L4_Word_t *Untyped,
                         int t, void *Items)
{
    for (int i = 0; i < u; i++)
        msg->msg[i + 1] = Untyped[i];
    for (int i = 0; i < t; i++)
        msg->msg[i + u + 1] = ((L4_Word_t *)Items)[i];
    msg->tag.raw = label << __L4_LABEL_SHIFT | ((L4_Word_t)t & 0x3f) << 6 | ((L4_Word_t)u & 0x3f);
}

L4_INLINE void L4_MsgGet(const L4_Msg_t *msg, L4_Word_t *Untyped, void *Items)
{
    L4_Word_t u = __L4_MsgU(msg), t = __L4_MsgT(msg);
    for (L4_Word_t i = 0; i < u; i++)
        Untyped[i] = msg->msg[i + 1];
    for (L4_Word_t i = 0; i < t; i++)
        ((L4_Word_t *)Items)[i] = msg->msg[i + u + 1];
}

L4_INLINE L4_MsgTag_t L4_MsgMsgTag(const L4_Msg_t *msg) { return msg->tag; }
L4_INLINE void L4_Set_MsgMsgTag(L4_Msg_t *msg, L4_MsgTag_t t) { msg->tag = t; }
L4_INLINE L4_Word_t L4_MsgLabel(const L4_Msg_t *msg) { return L4_Label(msg->tag); }
L4_INLINE void L4_Set_MsgLabel(L4_Msg_t *msg, L4_Word_t label) { L4_Set_Label(&msg->tag, label); }

/* Into MR0...MR(u+t). */
L4_INLINE void L4_MsgLoad(L4_Msg_t *msg)
{
    L4_LoadMRs(0, (int)(__L4_MsgU(msg) + __L4_MsgT(msg) + 1), msg->msg);
}

/* From MR1...MR(u+t) after a receive with tag t. */
L4_INLINE void L4_MsgStore(L4_MsgTag_t t, L4_Msg_t *msg)
{
    L4_StoreMRs(1, (int)(L4_UntypedWords(t) + L4_TypedWords(t)), &msg->msg[1]);
    msg->tag = t;
}

/* One more untyped word; the typed words move up to make room. */
L4_INLINE void L4_MsgAppendWord(L4_Msg_t *msg, L4_Word_t w)
{
    L4_Word_t u = __L4_MsgU(msg), t = __L4_MsgT(msg);
    for (L4_Word_t i = u + t; i > u; i--)
        msg->msg[i + 1] = msg->msg[i];
    msg->msg[u + 1] = w;
    __L4_MsgSetUT(msg, u + 1, t);
}

L4_INLINE void __L4_MsgAppendTyped(L4_Msg_t *msg, const L4_Word_t *w, L4_Word_t n)
{
    L4_Word_t u = __L4_MsgU(msg), t = __L4_MsgT(msg);
    for (L4_Word_t i = 0; i < n; i++)
        msg->msg[u + t + 1 + i] = w[i];
    __L4_MsgSetUT(msg, u, t + n);
}

L4_INLINE void L4_MsgAppendMapItem(L4_Msg_t *msg, L4_MapItem_t m) { __L4_MsgAppendTyped(msg, m.raw, 2); }
L4_INLINE void L4_MsgAppendGrantItem(L4_Msg_t *msg, L4_GrantItem_t g) { __L4_MsgAppendTyped(msg, g.raw, 2); }

L4_INLINE void L4_MsgAppendSimpleStringItem(L4_Msg_t *msg, L4_StringItem_t s)
{
    s.raw[0] &= ~(__L4_STR_c | 0x1fUL << 4);    /* j = 0, c = 0 */
    __L4_MsgAppendTyped(msg, s.raw, 2);
}

L4_INLINE void L4_MsgAppendStringItem(L4_Msg_t *msg, L4_StringItem_t *s)
{
    L4_Word_t u = __L4_MsgU(msg), t = __L4_MsgT(msg);
    L4_Word_t n = __L4_CopyString(&msg->msg[u + t + 1], s->raw);
    __L4_MsgSetUT(msg, u, t + n);
}

/* Untyped word u (counted from 0) and typed item at typed word t. */
L4_INLINE void L4_MsgPutWord(L4_Msg_t *msg, L4_Word_t u, L4_Word_t w) { msg->msg[u + 1] = w; }

L4_INLINE void L4_MsgPutMapItem(L4_Msg_t *msg, L4_Word_t t, L4_MapItem_t m)
{
    msg->msg[__L4_MsgU(msg) + t + 1] = m.raw[0];
    msg->msg[__L4_MsgU(msg) + t + 2] = m.raw[1];
}

L4_INLINE void L4_MsgPutGrantItem(L4_Msg_t *msg, L4_Word_t t, L4_GrantItem_t g)
{
    L4_MsgPutMapItem(msg, t, g);
}

L4_INLINE void L4_MsgPutSimpleStringItem(L4_Msg_t *msg, L4_Word_t t, L4_StringItem_t s)
{
    s.raw[0] &= ~(__L4_STR_c | 0x1fUL << 4);
    msg->msg[__L4_MsgU(msg) + t + 1] = s.raw[0];
    msg->msg[__L4_MsgU(msg) + t + 2] = s.raw[1];
}

L4_INLINE void L4_MsgPutStringItem(L4_Msg_t *msg, L4_Word_t t, L4_StringItem_t *s)
{
    __L4_CopyString(&msg->msg[__L4_MsgU(msg) + t + 1], s->raw);
}

L4_INLINE L4_Word_t L4_MsgWord(L4_Msg_t *msg, L4_Word_t u) { return msg->msg[u + 1]; }
L4_INLINE void L4_MsgGetWord(L4_Msg_t *msg, L4_Word_t u, L4_Word_t *w) { *w = msg->msg[u + 1]; }

/* These return the item's size in words. */
L4_INLINE L4_Word_t L4_MsgGetMapItem(L4_Msg_t *msg, L4_Word_t t, L4_MapItem_t *m)
{
    m->raw[0] = msg->msg[__L4_MsgU(msg) + t + 1];
    m->raw[1] = msg->msg[__L4_MsgU(msg) + t + 2];
    return 2;
}

L4_INLINE L4_Word_t L4_MsgGetGrantItem(L4_Msg_t *msg, L4_Word_t t, L4_GrantItem_t *g)
{
    return L4_MsgGetMapItem(msg, t, g);
}

L4_INLINE L4_Word_t L4_MsgGetStringItem(L4_Msg_t *msg, L4_Word_t t, L4_StringItem_t *s)
{
    return __L4_CopyString(s->raw, &msg->msg[__L4_MsgU(msg) + t + 1]);
}

/* ---- Acceptors (BR0) and receive buffers (BR1...) ----------------------------- */

typedef union {
    L4_Word_t raw;
    struct {
        L4_BITFIELD4(L4_Word_t,
            s : 1,
            c : 1,
            __zeros : 2,
            RcvWindow : L4_BITS_PER_WORD - 4);
    } X;
} L4_Acceptor_t;

#define L4_UntypedWordsAcceptor ((L4_Acceptor_t){ .raw = 0 })
#define L4_StringItemsAcceptor  ((L4_Acceptor_t){ .raw = 1 })

#define __L4_ACC_WINDOW         (~0xfUL)

/* Accept map and grant items into RcvWindow (nil: refuse them). */
L4_INLINE L4_Acceptor_t L4_MapGrantItems(L4_Fpage_t RcvWindow)
{
    return (L4_Acceptor_t){ .raw = RcvWindow.raw & __L4_ACC_WINDOW };
}

/* l with r's string acceptance added and r's window, if it has one. */
L4_INLINE L4_Acceptor_t L4_AddAcceptor(L4_Acceptor_t l, L4_Acceptor_t r)
{
    L4_Acceptor_t a;
    L4_Word_t win = r.raw & __L4_ACC_WINDOW ? r.raw : l.raw;
    a.raw = ((l.raw | r.raw) & 1) | (win & __L4_ACC_WINDOW);
    return a;
}

L4_INLINE L4_Acceptor_t L4_AddAcceptorTo(L4_Acceptor_t *l, L4_Acceptor_t r)
{
    *l = L4_AddAcceptor(*l, r);
    return *l;
}

L4_INLINE L4_Acceptor_t L4_RemoveAcceptor(L4_Acceptor_t l, L4_Acceptor_t r)
{
    if (r.raw & 1)
        l.raw &= ~1UL;
    if (r.raw & __L4_ACC_WINDOW)
        l.raw &= ~__L4_ACC_WINDOW;
    return l;
}

L4_INLINE L4_Acceptor_t L4_RemoveAcceptorFrom(L4_Acceptor_t *l, L4_Acceptor_t r)
{
    *l = L4_RemoveAcceptor(*l, r);
    return *l;
}

L4_INLINE L4_Bool_t L4_HasStringItems(L4_Acceptor_t a) { return (a.raw & 1) != 0; }
L4_INLINE L4_Bool_t L4_HasMapGrantItems(L4_Acceptor_t a) { return (a.raw & __L4_ACC_WINDOW) != 0; }
L4_INLINE L4_Fpage_t L4_RcvWindow(L4_Acceptor_t a) { return (L4_Fpage_t){ .raw = a.raw & __L4_ACC_WINDOW }; }

L4_INLINE void L4_Accept(L4_Acceptor_t a) { L4_LoadBR(0, a.raw); }

L4_INLINE L4_Acceptor_t L4_Accepted(void)
{
    L4_Acceptor_t a;
    L4_StoreBR(0, &a.raw);
    return a;
}

/* A receive buffer list: string items, each buffer's first item with C set
 * when another buffer follows.  Empty when its first item is all zero. */
typedef union {
    L4_Word_t raw[__L4_NUM_BRS - 1];
    L4_StringItem_t string[0];
} L4_MsgBuffer_t;

L4_INLINE void L4_MsgBufferClear(L4_MsgBuffer_t *b) { b->raw[0] = b->raw[1] = 0; }

/* Where the next buffer goes: after the last one, whose C bit is set. */
L4_INLINE L4_Word_t *__L4_MsgBufferTail(L4_MsgBuffer_t *b)
{
    L4_Word_t *last;
    L4_Word_t *end;
    if (b->raw[0] == 0 && b->raw[1] == 0)
        return b->raw;
    end = __L4_EndOfStrings(b->raw, &last);
    last[0] |= __L4_STR_C;
    return end;
}

L4_INLINE void L4_MsgBufferAppendSimpleRcvString(L4_MsgBuffer_t *b, L4_StringItem_t s)
{
    L4_Word_t *d = __L4_MsgBufferTail(b);
    d[0] = s.raw[0] & ~(__L4_STR_C | __L4_STR_c | 0x1fUL << 4);
    d[1] = s.raw[1];
}

L4_INLINE void L4_MsgBufferAppendRcvString(L4_MsgBuffer_t *b, L4_StringItem_t *s)
{
    L4_Word_t *d = __L4_MsgBufferTail(b);
    __L4_CopyString(d, s->raw);
    d[0] = s->raw[0] & ~__L4_STR_C;
}

/* Accept with a: BR0 = a, and the buffers of b into BR1 on. */
L4_INLINE void L4_AcceptStrings(L4_Acceptor_t a, L4_MsgBuffer_t *b)
{
    L4_Accept(a);
    if (b->raw[0] != 0 || b->raw[1] != 0) {
        L4_Word_t *end = __L4_EndOfStrings(b->raw, (L4_Word_t **)0);
        L4_LoadBRs(1, (int)(end - b->raw), b->raw);
    }
}

#endif
