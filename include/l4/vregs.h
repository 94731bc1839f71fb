/*
 * l4/vregs.h - the UTCB's virtual registers: message registers (MR0-MR63),
 * buffer registers (BR0-BR32) and the thread control registers (TCRs).
 *
 * The layout is Pecan's on every port (<l4/abi.h>): the UTCB pointer
 * addresses MR0, MR i is word i, the TCRs and BR i (word -16-i) lie below.
 * The port's <l4/arch/vregs.h> says only how to find the pointer.
 *
 * Plain (not volatile) accesses are enough: the UTCB changes only inside this
 * thread's own system calls, and every system call stub clobbers "memory".
 */
#ifndef L4_VREGS_H
#define L4_VREGS_H

#include <l4/types.h>
#include <l4/abi.h>
#include <l4/arch/vregs.h>

/* ---- Raw TCR access (Pistachio's internal names) --------------------------- */

L4_INLINE L4_Word_t __L4_TCR_Get(int word) { return __L4_Utcb()[word]; }
L4_INLINE void __L4_TCR_Set(int word, L4_Word_t w) { __L4_Utcb()[word] = w; }

L4_INLINE L4_Word_t __L4_TCR_MyGlobalId(void) { return __L4_TCR_Get(L4_UTCB_MY_GLOBAL_ID); }
L4_INLINE L4_Word_t __L4_TCR_MyLocalId(void) { return (L4_Word_t)__L4_Utcb(); }
L4_INLINE L4_Word_t __L4_TCR_ProcessorNo(void) { return __L4_TCR_Get(L4_UTCB_PROCESSOR_NO); }
L4_INLINE L4_Word_t __L4_TCR_UserDefinedHandle(void) { return __L4_TCR_Get(L4_UTCB_USER_HANDLE); }
L4_INLINE L4_Word_t __L4_TCR_Pager(void) { return __L4_TCR_Get(L4_UTCB_PAGER); }
L4_INLINE L4_Word_t __L4_TCR_ExceptionHandler(void) { return __L4_TCR_Get(L4_UTCB_EXCEPTION_HANDLER); }
L4_INLINE L4_Word_t __L4_TCR_ErrorCode(void) { return __L4_TCR_Get(L4_UTCB_ERROR_CODE); }
L4_INLINE L4_Word_t __L4_TCR_XferTimeout(void) { return __L4_TCR_Get(L4_UTCB_XFER_TIMEOUTS); }
L4_INLINE L4_Word_t __L4_TCR_IntendedReceiver(void) { return __L4_TCR_Get(L4_UTCB_INTENDED_RECEIVER); }
L4_INLINE L4_Word_t __L4_TCR_ActualSender(void) { return __L4_TCR_Get(L4_UTCB_VIRTUAL_SENDER); }
L4_INLINE L4_Word_t __L4_TCR_ThreadWord(int n) { return __L4_TCR_Get(n ? L4_UTCB_THREAD_WORD1 : L4_UTCB_THREAD_WORD0); }

L4_INLINE void __L4_TCR_Set_UserDefinedHandle(L4_Word_t w) { __L4_TCR_Set(L4_UTCB_USER_HANDLE, w); }
L4_INLINE void __L4_TCR_Set_Pager(L4_Word_t w) { __L4_TCR_Set(L4_UTCB_PAGER, w); }
L4_INLINE void __L4_TCR_Set_ExceptionHandler(L4_Word_t w) { __L4_TCR_Set(L4_UTCB_EXCEPTION_HANDLER, w); }
L4_INLINE void __L4_TCR_Set_XferTimeout(L4_Word_t w) { __L4_TCR_Set(L4_UTCB_XFER_TIMEOUTS, w); }
L4_INLINE void __L4_TCR_Set_VirtualSender(L4_Word_t w) { __L4_TCR_Set(L4_UTCB_VIRTUAL_SENDER, w); }
L4_INLINE void __L4_TCR_Set_ThreadWord(int n, L4_Word_t w) { __L4_TCR_Set(n ? L4_UTCB_THREAD_WORD1 : L4_UTCB_THREAD_WORD0, w); }

/* ---- Message and buffer registers ------------------------------------------ */

L4_INLINE void L4_LoadMR(int i, L4_Word_t w) { __L4_Utcb()[L4_UTCB_MR(i)] = w; }
L4_INLINE void L4_StoreMR(int i, L4_Word_t *w) { *w = __L4_Utcb()[L4_UTCB_MR(i)]; }
L4_INLINE void L4_LoadBR(int i, L4_Word_t w) { __L4_Utcb()[L4_UTCB_BR(i)] = w; }
L4_INLINE void L4_StoreBR(int i, L4_Word_t *w) { *w = __L4_Utcb()[L4_UTCB_BR(i)]; }

/* k registers from MR i on. */
L4_INLINE void L4_LoadMRs(int i, int k, const L4_Word_t *w)
{
    L4_Word_t *utcb = __L4_Utcb();
    for (int n = 0; n < k; n++)
        utcb[L4_UTCB_MR(i + n)] = w[n];
}

L4_INLINE void L4_StoreMRs(int i, int k, L4_Word_t *w)
{
    L4_Word_t *utcb = __L4_Utcb();
    for (int n = 0; n < k; n++)
        w[n] = utcb[L4_UTCB_MR(i + n)];
}

/* k registers from BR i on (BRs grow downwards in memory). */
L4_INLINE void L4_LoadBRs(int i, int k, const L4_Word_t *w)
{
    L4_Word_t *utcb = __L4_Utcb();
    for (int n = 0; n < k; n++)
        utcb[L4_UTCB_BR(i + n)] = w[n];
}

L4_INLINE void L4_StoreBRs(int i, int k, L4_Word_t *w)
{
    L4_Word_t *utcb = __L4_Utcb();
    for (int n = 0; n < k; n++)
        w[n] = utcb[L4_UTCB_BR(i + n)];
}

/* ---- Thread control registers ---------------------------------------------- */

L4_INLINE L4_ThreadId_t L4_MyGlobalId(void)
{
    L4_ThreadId_t t;
    t.raw = __L4_TCR_MyGlobalId();
    return t;
}

/* The local ID is the UTCB pointer itself. */
L4_INLINE L4_ThreadId_t L4_MyLocalId(void)
{
    L4_ThreadId_t t;
    t.raw = __L4_TCR_MyLocalId();
    return t;
}

L4_INLINE L4_ThreadId_t L4_Myself(void) { return L4_MyGlobalId(); }
L4_INLINE L4_Word_t L4_ProcessorNo(void) { return __L4_TCR_ProcessorNo(); }
L4_INLINE L4_Word_t L4_UserDefinedHandle(void) { return __L4_TCR_UserDefinedHandle(); }
L4_INLINE void L4_Set_UserDefinedHandle(L4_Word_t NewValue) { __L4_TCR_Set_UserDefinedHandle(NewValue); }

L4_INLINE L4_ThreadId_t L4_Pager(void)
{
    L4_ThreadId_t t;
    t.raw = __L4_TCR_Pager();
    return t;
}

L4_INLINE void L4_Set_Pager(L4_ThreadId_t NewPager) { __L4_TCR_Set_Pager(NewPager.raw); }

L4_INLINE L4_ThreadId_t L4_ExceptionHandler(void)
{
    L4_ThreadId_t t;
    t.raw = __L4_TCR_ExceptionHandler();
    return t;
}

L4_INLINE void L4_Set_ExceptionHandler(L4_ThreadId_t NewHandler)
{
    __L4_TCR_Set_ExceptionHandler(NewHandler.raw);
}

L4_INLINE L4_Word_t L4_ErrorCode(void) { return __L4_TCR_ErrorCode(); }

/* Transfer timeouts: send part bits 16-31, receive part bits 0-15. */
L4_INLINE L4_Word_t L4_XferTimeouts(void) { return __L4_TCR_XferTimeout(); }
L4_INLINE void L4_Set_XferTimeouts(L4_Word_t NewValue) { __L4_TCR_Set_XferTimeout(NewValue); }

L4_INLINE L4_ThreadId_t L4_IntendedReceiver(void)
{
    L4_ThreadId_t t;
    t.raw = __L4_TCR_IntendedReceiver();
    return t;
}

/* ActualSender (read after a propagated receive) and VirtualSender (written
 * before a propagating send) share one word. */
L4_INLINE L4_ThreadId_t L4_ActualSender(void)
{
    L4_ThreadId_t t;
    t.raw = __L4_TCR_ActualSender();
    return t;
}

L4_INLINE void L4_Set_VirtualSender(L4_ThreadId_t t) { __L4_TCR_Set_VirtualSender(t.raw); }

/* No 32-bit compatibility mode in Pecan: every word bit is significant. */
L4_INLINE L4_Word_t L4_WordSizeMask(void) { return ~0UL; }
L4_INLINE void L4_Reset_WordSizeMask(void) { }

#endif
