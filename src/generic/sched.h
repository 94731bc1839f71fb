/*
 * sched.h - the scheduler: 256 priorities, round robin within each, and an
 * O(1) choice of the next thread from a bitmap of non-empty ready queues.
 *
 * The kernel runs with interrupts off, on one CPU; a thread leaves the CPU
 * only inside sched_switch() (blocking, yielding, or preemption on the way
 * back to user mode).
 */
#ifndef PECAN_SCHED_H
#define PECAN_SCHED_H

#include "tcb.h"

#define PRIO_LEVELS 256
#define PRIO_DEFAULT 100
#define PRIO_ROOT 255
#define SLICE_DEFAULT_US 10000

void sched_init(void);

/* Make t runnable (state TS_READY), at the tail of its priority. */
void sched_ready(tcb_t *t);

/* t was held (halted, or its quantum spent) and no longer is: if it is
 * ready, queue it. */
void sched_unhold(tcb_t *t);

/* Take t off the ready queue and give it state s (a wait, halt, inactive). */
void sched_block(tcb_t *t, enum thread_state s);

/* Run the best ready thread (maybe current again).  Call with current in
 * its new state; returns when current runs again. */
void sched_switch(void);

/* Current gives up the rest of its slice. */
void sched_yield(void);

/* Donate the CPU to t (ThreadSwitch): run t now if it is ready. */
void sched_donate(tcb_t *t);

/* If a thread better than current is ready (or current's slice ran out),
 * switch.  The port calls this before returning to user mode. */
void sched_preempt_point(void);

/* A preemption is due but held off (delayed preemption): a port's IPC fast
 * path, which switches threads without the scheduler, must not run. */
/* Is a switch due (checked on the way out of the kernel)?  Inline: the
 * ports ask on every exit (x86_64's fast-path gate, for one). */
extern bool need_resched;
static inline bool sched_preempt_pending(void)
{
	return need_resched;
}

/* From the timer tick: charge current, note when its slice runs out. */
void sched_tick(void);

/* Change t's priority, moving it between queues if it is ready. */
void sched_set_prio(tcb_t *t, unsigned prio);

/* The idle thread runs when nothing else is ready.  sched_start() turns
 * the boot stack into the idle thread's and runs the best ready thread. */
extern tcb_t *idle_tcb;
NORETURN void sched_start(tcb_t *idle);

#endif
