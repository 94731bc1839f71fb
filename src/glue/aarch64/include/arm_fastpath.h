/*
 * arm_fastpath.h - what the glue's C code knows of the IPC fast path
 * (fastpath.S, docs/fastpath.md).
 */
#ifndef ARM_FASTPATH_H
#define ARM_FASTPATH_H

#include "arch/frame.h"
#include "ipc.h"
#include "sched.h"

#if PECAN_FASTPATH
/*
 * The fast path compares the ESR of every synchronous exception from EL0
 * with arm_fastpath_esr: the ESR of svc #0 while it may run, else ~0, which
 * no exception has, so one compare tests all of this:
 *  - ipc_fastpath_on, which changes only in a system call
 *    (L4_KDEBUG_FASTPATH) or at boot;
 *  - no preemption is due (a delayed preemption holds one off until the
 *    thread yields or its delay runs out): the fast path switches threads
 *    without asking the scheduler, which then might not have chosen the
 *    destination.
 * Both can change only in the kernel, and every way back to user mode
 * passes through arm_fastpath_sync() last: the end of every trap from EL0
 * (trap.c), a thread switch and port_return_to_user() (thread.c).
 */
extern word_t arm_fastpath_esr;

static inline void arm_fastpath_sync(void)
{
	arm_fastpath_esr = ipc_fastpath_on && !sched_preempt_pending() ? ESR_SVC0 : ~0ul;
}
#else
static inline void arm_fastpath_sync(void) {}
#endif

#endif
