/*
 * thread.c - creating, finding and deleting threads; the thread-start
 * protocol.
 *
 * TCBs are KTCB_SIZE-aligned blocks from kmem: the TCB at the bottom, the
 * kernel stack above it.  tcb_table maps a thread number to its TCB.
 */
#include "ipc.h"
#include "kmem.h"
#include "panic.h"
#include "sched.h"
#include "space.h"
#include "string.h"
#include "tcb.h"
#include <l4/abi.h>

tcb_t *tcb_table[MAX_THREADS];          /* not static: the fast paths look IDs up here */
static unsigned live_threads;

tcb_t *tcb_lookup_local(tcb_t *caller, word_t id)
{
	for (tcb_t *t = caller->space->thread_list; t; t = t->space_next)
		if (t->utcb_user == id)
			return t;
	return NULL;
}

bool tcb_exists(word_t no)
{
	return no < MAX_THREADS && tcb_table[no] != NULL;
}

unsigned tcb_count(void)
{
	return live_threads;
}

tcb_t *tcb_create(word_t id, space_t *s, word_t scheduler)
{
	tcb_t *t = kmem_alloc_aligned(KTCB_SIZE, KTCB_SIZE);

	if (!t)
		return NULL;
	t->id = id;
	t->space = s;
	t->scheduler = scheduler;
	t->state = TS_INACTIVE;
	t->prio = PRIO_DEFAULT;
	t->slice_us = t->slice_left_us = SLICE_DEFAULT_US;
	t->rcv_spec = NILTHREAD;
	tcb_table[tid_no(id)] = t;
	live_threads++;
	if (s) {
		t->space_next = s->thread_list;
		s->thread_list = t;
		s->threads++;
	}
	port_thread_init(t, thread_first_run);
	return t;
}

/* Unlink t from its space's thread list. */
static void leave_space(tcb_t *t)
{
	for (tcb_t **p = &t->space->thread_list; *p; p = &(*p)->space_next)
		if (*p == t) {
			*p = t->space_next;
			break;
		}
	t->space->threads--;
}

/* Threads in a closed wait for t will never hear from it: error 2. */
static void wake_waiters_for(const tcb_t *t)
{
	for (unsigned i = 0; i < MAX_THREADS; i++) {
		tcb_t *r = tcb_table[i];
		if (r && r->state == TS_RECV_WAIT && r->partner == t->id)
			ipc_cancel(r, IPC_ERR_NO_PARTNER);
	}
}

/*
 * Delete t (not current).  Its partners learn of it through IPC errors;
 * its space dies with its last thread.
 */
void tcb_destroy(tcb_t *t)
{
	ipc_cancel(t, IPC_ERR_CANCELED);
	ipc_flush_senders(t);
	sched_block(t, TS_DEAD);
	wake_waiters_for(t);
	tcb_table[tid_no(t->id)] = NULL;
	live_threads--;
	space_t *s = t->space;
	if (s) {
		leave_space(t);
		space_utcb_release(s, t->utcb_user);
		if (s->threads == 0)
			space_destroy(s);
	}
	kmem_free(t, KTCB_SIZE);
}

/*
 * Every user thread's kernel side starts here, with a fresh user frame.
 * Threads the boot code starts directly have their IP and SP set already
 * and are marked started.  Others wait for the X.2 start message from
 * their pager (u = 2: MR1 = IP, MR2 = SP); ExchangeRegisters in the same
 * space may start them instead, by aborting this wait.
 */
NORETURN void thread_first_run(void)
{
	tcb_t *t = current;

	while (!t->started) {
		word_t pager = t->utcb[L4_UTCB_PAGER];
		ipc(t, NILTHREAD, pager, 0);
		if (t->started)
			break;          /* ExchangeRegisters set IP/SP and let us go */
		if (t->ipc_error == 0 && TAG_U(t->utcb[0]) >= 2) {
			struct trap_frame *f = port_user_frame(t);
			port_frame_set_ip(f, t->utcb[1]);
			port_frame_set_sp(f, t->utcb[2]);
			t->started = true;
		}
	}
	kernel_preempt_point();
	port_return_to_user(t);
}
