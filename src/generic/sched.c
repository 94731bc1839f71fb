/*
 * sched.c - priority round-robin scheduling.
 *
 * Ready threads sit in one circular list per priority; a bitmap says which
 * lists are non-empty, so the best thread is two bit scans away.  The
 * running thread stays in its list while it runs; its slice running out
 * moves it to the tail.
 */
#include "kprintf.h"
#include "panic.h"
#include "sched.h"
#include "timer.h"
#include "timeout.h"
#include <l4/abi.h>

#define TICK_US (1000000 / TIMER_HZ)

#define PREEMPT_D (1ul << 6)     /* UTCB PreemptFlags: the thread asks for delays */
#define PREEMPT_I (1ul << 7)     /* set by the kernel: a preemption is being held off */

#define WORD_BITS (8 * sizeof(word_t))
#define MAP_WORDS (PRIO_LEVELS / WORD_BITS)

tcb_t *current;
tcb_t *idle_tcb;

tcb_t *ready_queue[PRIO_LEVELS];        /* head = next to run at that priority;
					   not static: the fast paths put their partner in current's place */
static word_t ready_map[MAP_WORDS];     /* bit p set: ready_queue[p] is not empty */
static word_t ready_summary;            /* bit i set: ready_map[i] is not zero */
bool need_resched;                      /* not static: the fast paths read it (TEST6) */

static void map_set(unsigned p)
{
	ready_map[p / WORD_BITS] |= 1ul << (p % WORD_BITS);
	ready_summary |= 1ul << (p / WORD_BITS);
}

static void map_clear(unsigned p)
{
	ready_map[p / WORD_BITS] &= ~(1ul << (p % WORD_BITS));
	if (!ready_map[p / WORD_BITS])
		ready_summary &= ~(1ul << (p / WORD_BITS));
}

/* The highest non-empty priority, or -1. */
static int highest_ready(void)
{
	if (!ready_summary)
		return -1;
	unsigned w = WORD_BITS - 1 - __builtin_clzl(ready_summary);
	return (int)(w * WORD_BITS + WORD_BITS - 1 - __builtin_clzl(ready_map[w]));
}

/* enqueue and dequeue are inline: every blocking IPC does one of each. */
static inline __attribute__((always_inline)) void enqueue(tcb_t *t)
{
	tcb_t **head = &ready_queue[t->prio];

	if (!*head) {
		t->ready_next = t->ready_prev = t;
		*head = t;
		map_set(t->prio);
	} else {                /* at the tail: just before the head */
		t->ready_next = *head;
		t->ready_prev = (*head)->ready_prev;
		t->ready_prev->ready_next = t;
		(*head)->ready_prev = t;
	}
}

static inline __attribute__((always_inline)) void dequeue(tcb_t *t)
{
	tcb_t **head = &ready_queue[t->prio];

	if (t->ready_next == t) {
		*head = NULL;
		map_clear(t->prio);
	} else {
		t->ready_prev->ready_next = t->ready_next;
		t->ready_next->ready_prev = t->ready_prev;
		if (*head == t)
			*head = t->ready_next;
	}
	t->ready_next = t->ready_prev = NULL;
}

void sched_init(void)
{
	for (unsigned p = 0; p < PRIO_LEVELS; p++)
		ready_queue[p] = NULL;
}

void sched_ready(tcb_t *t)
{
	if (t->state == TS_READY && t->ready_next)
		return;
	t->state = TS_READY;
	if (t->halted || t->quantum_spent || t == idle_tcb)
		return;         /* ready, but held: by ExchangeRegisters or its spent quantum */
	enqueue(t);
	if (current && t->prio > current->prio)
		need_resched = true;
}

void sched_unhold(tcb_t *t)
{
	if (t->state == TS_READY && !t->ready_next) {
		t->state = TS_INACTIVE;
		sched_ready(t);         /* queues it unless something still holds it */
	}
}

void sched_block(tcb_t *t, enum thread_state s)
{
	if (t->ready_next)
		dequeue(t);
	t->state = s;
}

void sched_set_prio(tcb_t *t, unsigned prio)
{
	bool queued = t->ready_next != NULL;

	if (queued)
		dequeue(t);
	t->prio = prio;
	if (queued)
		enqueue(t);
	need_resched = true;
}

static void switch_to(tcb_t *next)
{
	need_resched = false;
	if (next == current)
		return;
	tcb_t *prev = current;
	prev->delay_until = 0;          /* a delayed preemption has happened */
	current = next;
	port_thread_switch(prev, next);
}

void sched_switch(void)
{
	int p = highest_ready();

	switch_to(p < 0 ? idle_tcb : ready_queue[p]);
}

/* Move current to the tail of its queue with a fresh slice. */
static void rotate(void)
{
	current->slice_left_us = current->slice_us;
	if (current->ready_next) {
		dequeue(current);
		enqueue(current);
	}
}

void sched_yield(void)
{
	if (current->utcb)              /* yielding answers a delayed preemption */
		current->utcb[L4_UTCB_FLAGS] &= ~PREEMPT_I;
	current->delay_until = 0;
	rotate();
	sched_switch();
}

void sched_donate(tcb_t *t)
{
	if (t->state != TS_READY || !t->ready_next)
		return sched_yield();
	switch_to(t);
}

/*
 * Delayed preemption (X.2): a thread with the d flag may keep the CPU for
 * up to its maximum delay against threads no more important than its
 * sensitive priority.  The kernel sets I to say a preemption is waiting;
 * the thread should yield soon.  After the delay it is preempted anyway.
 */
static bool preemption_delayed(tcb_t *t)
{
	int next = highest_ready();

	if (t == idle_tcb || !t->ready_next || !t->max_delay_us || !t->utcb ||
	    !(t->utcb[L4_UTCB_FLAGS] & PREEMPT_D) || next > t->sensitive_prio)
		return false;
	uint64_t now = clock_us();
	if (!t->delay_until)
		t->delay_until = now + t->max_delay_us;
	else if (now >= t->delay_until)
		return false;           /* the delay is used up */
	t->utcb[L4_UTCB_FLAGS] |= PREEMPT_I;
	return true;
}

void sched_preempt_point(void)
{
	if (need_resched && !preemption_delayed(current))
		sched_switch();
}

void sched_tick(void)
{
	if (current == idle_tcb) {
		need_resched = ready_summary != 0;
		return;
	}
	if (current->quantum_us) {      /* a total quantum: when spent, the thread stops */
		if (current->quantum_left_us <= TICK_US) {
			current->quantum_left_us = 0;
			current->quantum_spent = true;  /* kernel_preempt_point() tells its scheduler */
			need_resched = true;
			return;
		}
		current->quantum_left_us -= TICK_US;
	}
	if (current->slice_us == 0)     /* slice "never": no round robin */
		return;
	if (current->slice_left_us > TICK_US) {
		current->slice_left_us -= TICK_US;
		return;
	}
	rotate();
	need_resched = true;
}

/* The idle thread: sleep until an interrupt, then let a ready thread run. */
static NORETURN void idle_loop(void)
{
	for (;;) {
		port_idle();
		port_irq_disable();
		sched_preempt_point();
	}
}

NORETURN void sched_start(tcb_t *idle)
{
	idle_tcb = current = idle;
	idle->state = TS_READY;
	sched_switch();         /* the boot stack is idle's from here on */
	idle_loop();
}
