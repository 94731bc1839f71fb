/*
 * l4/thread.h - threads: the thread control registers, ExchangeRegisters and
 * the calls derived from it, ThreadControl, interrupt association (X.2 §2, §8).
 *
 * The C names of overloaded manual calls carry suffixes: L4_Start_SpIp,
 * L4_PagerOf and so on.
 */
#ifndef L4_THREAD_H
#define L4_THREAD_H

#include <l4/types.h>
#include <l4/vregs.h>
#include <l4/syscalls.h>

/* ExchangeRegisters control bits (in), and the state bits it returns. */
#define __L4_EXREG_H    (1UL << 0)      /* halt (with h) */
#define __L4_EXREG_R    (1UL << 1)      /* abort receive */
#define __L4_EXREG_S    (1UL << 2)      /* abort send */
#define __L4_EXREG_s    (1UL << 3)      /* set SP */
#define __L4_EXREG_i    (1UL << 4)      /* set IP */
#define __L4_EXREG_f    (1UL << 5)      /* set FLAGS */
#define __L4_EXREG_u    (1UL << 6)      /* set UserDefinedHandle */
#define __L4_EXREG_p    (1UL << 7)      /* set pager */
#define __L4_EXREG_h    (1UL << 8)      /* apply H: halt if set, resume if clear */
#define __L4_EXREG_d    (1UL << 9)      /* deliver the old values */

/* ---- Thread state, as ExchangeRegisters returns it in control -------------- */

typedef struct { L4_Word_t raw; } L4_ThreadState_t;

L4_INLINE L4_Bool_t L4_ThreadWasHalted(L4_ThreadState_t s) { return (s.raw & __L4_EXREG_H) != 0; }
L4_INLINE L4_Bool_t L4_ThreadWasReceiving(L4_ThreadState_t s) { return (s.raw & __L4_EXREG_R) != 0; }
L4_INLINE L4_Bool_t L4_ThreadWasSending(L4_ThreadState_t s) { return (s.raw & __L4_EXREG_S) != 0; }
L4_INLINE L4_Bool_t L4_ThreadWasIpcing(L4_ThreadState_t s) { return (s.raw & (__L4_EXREG_R | __L4_EXREG_S)) != 0; }

L4_INLINE const char *L4_ErrorCode_String(L4_Word_t err)
{
    static const char *const names[] = {
        "ok", "no privilege", "invalid thread", "invalid space",
        "invalid scheduler", "invalid parameter", "UTCB area", "KIP area",
        "no memory",
    };
    return err < sizeof names / sizeof names[0] ? names[err] : "unknown error";
}

/* ---- Derived from ExchangeRegisters ------------------------------------------- */

/* ExchangeRegisters with the given control and values, returning the ID
 * result and the old control (thread state), SP, IP and FLAGS. */
L4_INLINE L4_ThreadId_t __L4_ExReg(L4_ThreadId_t t, L4_Word_t control,
                                   L4_Word_t sp, L4_Word_t ip, L4_Word_t flags,
                                   L4_Word_t *state, L4_Word_t *old_sp,
                                   L4_Word_t *old_ip, L4_Word_t *old_flags)
{
    L4_Word_t dummy;
    L4_ThreadId_t dummy_id;
    return L4_ExchangeRegisters(t, control, sp, ip, flags, 0, L4_nilthread,
                                state, old_sp, old_ip, old_flags, &dummy, &dummy_id);
}

/* The other form of a thread's ID (threads of the caller's space only). */
L4_INLINE L4_ThreadId_t L4_GlobalIdOf(L4_ThreadId_t t)
{
    L4_Word_t dummy;
    if (!L4_IsLocalId(t))
        return t;
    return __L4_ExReg(t, 0, 0, 0, 0, &dummy, &dummy, &dummy, &dummy);
}

L4_INLINE L4_ThreadId_t L4_LocalIdOf(L4_ThreadId_t t)
{
    L4_Word_t dummy;
    if (!L4_IsGlobalId(t))
        return t;
    return __L4_ExReg(t, 0, 0, 0, 0, &dummy, &dummy, &dummy, &dummy);
}

L4_INLINE L4_Bool_t L4_SameThreads(L4_ThreadId_t l, L4_ThreadId_t r)
{
    return L4_GlobalIdOf(l).raw == L4_GlobalIdOf(r).raw;
}

L4_INLINE L4_Word_t L4_UserDefinedHandleOf(L4_ThreadId_t t)
{
    L4_Word_t dummy, handle;
    L4_ThreadId_t dummy_id;
    (void)L4_ExchangeRegisters(t, __L4_EXREG_d, 0, 0, 0, 0, L4_nilthread,
                               &dummy, &dummy, &dummy, &dummy, &handle, &dummy_id);
    return handle;
}

L4_INLINE void L4_Set_UserDefinedHandleOf(L4_ThreadId_t t, L4_Word_t handle)
{
    L4_Word_t dummy;
    L4_ThreadId_t dummy_id;
    (void)L4_ExchangeRegisters(t, __L4_EXREG_u, 0, 0, 0, handle, L4_nilthread,
                               &dummy, &dummy, &dummy, &dummy, &dummy, &dummy_id);
}

L4_INLINE L4_ThreadId_t L4_PagerOf(L4_ThreadId_t t)
{
    L4_Word_t dummy;
    L4_ThreadId_t pager;
    (void)L4_ExchangeRegisters(t, __L4_EXREG_d, 0, 0, 0, 0, L4_nilthread,
                               &dummy, &dummy, &dummy, &dummy, &dummy, &pager);
    return pager;
}

L4_INLINE void L4_Set_PagerOf(L4_ThreadId_t t, L4_ThreadId_t p)
{
    L4_Word_t dummy;
    L4_ThreadId_t dummy_id;
    (void)L4_ExchangeRegisters(t, __L4_EXREG_p, 0, 0, 0, 0, p,
                               &dummy, &dummy, &dummy, &dummy, &dummy, &dummy_id);
}

/* Resume a halted thread, aborting any IPC it is in. */
L4_INLINE void L4_Start(L4_ThreadId_t t)
{
    L4_Word_t dummy;
    (void)__L4_ExReg(t, __L4_EXREG_h | __L4_EXREG_R | __L4_EXREG_S, 0, 0, 0,
                     &dummy, &dummy, &dummy, &dummy);
}

L4_INLINE void L4_Start_SpIp(L4_ThreadId_t t, L4_Word_t sp, L4_Word_t ip)
{
    L4_Word_t dummy;
    (void)__L4_ExReg(t, __L4_EXREG_h | __L4_EXREG_R | __L4_EXREG_S | __L4_EXREG_s | __L4_EXREG_i,
                     sp, ip, 0, &dummy, &dummy, &dummy, &dummy);
}

L4_INLINE void L4_Start_SpIpFlags(L4_ThreadId_t t, L4_Word_t sp, L4_Word_t ip, L4_Word_t flags)
{
    L4_Word_t dummy;
    (void)__L4_ExReg(t, __L4_EXREG_h | __L4_EXREG_R | __L4_EXREG_S | __L4_EXREG_s
                        | __L4_EXREG_i | __L4_EXREG_f,
                     sp, ip, flags, &dummy, &dummy, &dummy, &dummy);
}

/* Halt t, optionally aborting its IPC (abort = R and/or S bits); returns its
 * state before, and its SP, IP and FLAGS. */
L4_INLINE L4_ThreadState_t __L4_StopWith(L4_ThreadId_t t, L4_Word_t abort,
                                         L4_Word_t *sp, L4_Word_t *ip, L4_Word_t *flags)
{
    L4_ThreadState_t s;
    (void)__L4_ExReg(t, __L4_EXREG_H | __L4_EXREG_h | __L4_EXREG_d | abort, 0, 0, 0,
                     &s.raw, sp, ip, flags);
    return s;
}

L4_INLINE L4_ThreadState_t L4_Stop(L4_ThreadId_t t)
{
    L4_Word_t dummy;
    return __L4_StopWith(t, 0, &dummy, &dummy, &dummy);
}

L4_INLINE L4_ThreadState_t L4_Stop_SpIpFlags(L4_ThreadId_t t, L4_Word_t *sp,
                                             L4_Word_t *ip, L4_Word_t *flags)
{
    return __L4_StopWith(t, 0, sp, ip, flags);
}

L4_INLINE L4_ThreadState_t L4_AbortReceive_and_stop(L4_ThreadId_t t)
{
    L4_Word_t dummy;
    return __L4_StopWith(t, __L4_EXREG_R, &dummy, &dummy, &dummy);
}

L4_INLINE L4_ThreadState_t L4_AbortReceive_and_stop_SpIpFlags(L4_ThreadId_t t, L4_Word_t *sp,
                                                              L4_Word_t *ip, L4_Word_t *flags)
{
    return __L4_StopWith(t, __L4_EXREG_R, sp, ip, flags);
}

L4_INLINE L4_ThreadState_t L4_AbortSend_and_stop(L4_ThreadId_t t)
{
    L4_Word_t dummy;
    return __L4_StopWith(t, __L4_EXREG_S, &dummy, &dummy, &dummy);
}

L4_INLINE L4_ThreadState_t L4_AbortSend_and_stop_SpIpFlags(L4_ThreadId_t t, L4_Word_t *sp,
                                                           L4_Word_t *ip, L4_Word_t *flags)
{
    return __L4_StopWith(t, __L4_EXREG_S, sp, ip, flags);
}

L4_INLINE L4_ThreadState_t L4_AbortIpc_and_stop(L4_ThreadId_t t)
{
    L4_Word_t dummy;
    return __L4_StopWith(t, __L4_EXREG_R | __L4_EXREG_S, &dummy, &dummy, &dummy);
}

L4_INLINE L4_ThreadState_t L4_AbortIpc_and_stop_SpIpFlags(L4_ThreadId_t t, L4_Word_t *sp,
                                                          L4_Word_t *ip, L4_Word_t *flags)
{
    return __L4_StopWith(t, __L4_EXREG_R | __L4_EXREG_S, sp, ip, flags);
}

/* ---- Interrupts (ThreadControl on an interrupt thread, X.2 §9) ---------------- */

L4_INLINE L4_Word_t L4_AssociateInterrupt(L4_ThreadId_t InterruptThread,
                                          L4_ThreadId_t HandlerThread)
{
    return L4_ThreadControl(InterruptThread, InterruptThread, L4_nilthread,
                            HandlerThread, (void *)-1);
}

L4_INLINE L4_Word_t L4_DeassociateInterrupt(L4_ThreadId_t InterruptThread)
{
    return L4_ThreadControl(InterruptThread, InterruptThread, L4_nilthread,
                            InterruptThread, (void *)-1);
}

#endif
