/*
 * l4/schedule.h - scheduling: the calls derived from Schedule and
 * ThreadSwitch, and delayed preemption through the UTCB's preemption flags
 * (X.2 §8, §11).  L4_Schedule, L4_ThreadSwitch and L4_SystemClock are in
 * <l4/syscalls.h>; the clock type and its helpers in <l4/types.h>.
 */
#ifndef L4_SCHEDULE_H
#define L4_SCHEDULE_H

#include <l4/types.h>
#include <l4/vregs.h>
#include <l4/syscalls.h>

/* Schedule's result: the thread's state, or 0 for an error. */
#define L4_SCHEDRESULT_ERROR            0
#define L4_SCHEDRESULT_DEAD             1
#define L4_SCHEDRESULT_INACTIVE         2
#define L4_SCHEDRESULT_RUNNING          3
#define L4_SCHEDRESULT_PENDING_SEND     4
#define L4_SCHEDRESULT_SENDING          5
#define L4_SCHEDRESULT_WAITING          6
#define L4_SCHEDRESULT_RECEIVING        7

L4_INLINE void L4_Yield(void) { L4_ThreadSwitch(L4_nilthread); }

L4_INLINE L4_Word_t L4_Set_Priority(L4_ThreadId_t tid, L4_Word_t prio)
{
    L4_Word_t dummy;
    return L4_Schedule(tid, ~0UL, ~0UL, prio & 0xff, ~0UL, &dummy);
}

L4_INLINE L4_Word_t L4_Set_ProcessorNo(L4_ThreadId_t tid, L4_Word_t cpu_no)
{
    L4_Word_t dummy;
    return L4_Schedule(tid, ~0UL, cpu_no & 0xffff, ~0UL, ~0UL, &dummy);
}

/* TimeControl: time slice bits 16-31, total quantum bits 0-15. */
L4_INLINE L4_Word_t L4_Set_Timeslice(L4_ThreadId_t tid, L4_Time_t timeslice,
                                     L4_Time_t totalquantum)
{
    L4_Word_t dummy;
    L4_Word_t timectrl = (L4_Word_t)timeslice.raw << 16 | totalquantum.raw;
    return L4_Schedule(tid, timectrl, ~0UL, ~0UL, ~0UL, &dummy);
}

L4_INLINE L4_Word_t L4_Timeslice(L4_ThreadId_t tid, L4_Time_t *timeslice,
                                 L4_Time_t *totalquantum)
{
    L4_Word_t timectrl;
    L4_Word_t res = L4_Schedule(tid, ~0UL, ~0UL, ~0UL, ~0UL, &timectrl);
    timeslice->raw = (L4_Word16_t)(timectrl >> 16);
    totalquantum->raw = (L4_Word16_t)timectrl;
    return res;
}

/* PreemptionControl: max delay bits 0-15, sensitive priority bits 16-23. */
L4_INLINE L4_Word_t L4_Set_PreemptionDelay(L4_ThreadId_t tid, L4_Word_t sensitivePrio,
                                           L4_Word_t maxDelay)
{
    L4_Word_t dummy;
    L4_Word_t pctrl = (sensitivePrio & 0xff) << 16 | (maxDelay & 0xffff);
    return L4_Schedule(tid, ~0UL, ~0UL, ~0UL, pctrl, &dummy);
}

/*
 * Preemption flags, bits 0-7 of UTCB word L4_UTCB_FLAGS; coprocessor flags
 * bits 8-15.  s (bit 5) asks for a preemption-fault message, d (bit 6) asks
 * the kernel to delay preemption, I (bit 7) is set by the kernel when it did.
 * Read-modify-write of a word the kernel may also write when it preempts
 * us: a preemption between the load and the store can lose I, which only
 * means one yield less.
 */
#define __L4_PREEMPT_s  (1UL << 5)
#define __L4_PREEMPT_d  (1UL << 6)
#define __L4_PREEMPT_I  (1UL << 7)

/* Set (on) or clear the flag bits in mask; the old value of those bits. */
L4_INLINE L4_Bool_t __L4_UtcbFlags(L4_Word_t mask, int on)
{
    L4_Word_t *flags = &__L4_Utcb()[L4_UTCB_FLAGS];
    L4_Word_t old = *flags;
    *flags = on ? old | mask : old & ~mask;
    return (old & mask) != 0;
}

/* Each returns the flag's old state. */
L4_INLINE L4_Bool_t L4_DisablePreemption(void) { return __L4_UtcbFlags(__L4_PREEMPT_d, 1); }
L4_INLINE L4_Bool_t L4_EnablePreemption(void) { return __L4_UtcbFlags(__L4_PREEMPT_d, 0); }
L4_INLINE L4_Bool_t L4_PreemptionPending(void) { return __L4_UtcbFlags(__L4_PREEMPT_I, 0); }
L4_INLINE L4_Bool_t L4_EnablePreemptionFaultException(void) { return __L4_UtcbFlags(__L4_PREEMPT_s, 1); }
L4_INLINE L4_Bool_t L4_DisablePreemptionFaultException(void) { return __L4_UtcbFlags(__L4_PREEMPT_s, 0); }

/* Coprocessor n's registers are (Set) or are no longer (Clr) in use. */
L4_INLINE void L4_Set_CopFlag(L4_Word_t n) { (void)__L4_UtcbFlags(1UL << (8 + n), 1); }
L4_INLINE void L4_Clr_CopFlag(L4_Word_t n) { (void)__L4_UtcbFlags(1UL << (8 + n), 0); }

#endif
