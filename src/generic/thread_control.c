/*
 * thread_control.c - ThreadControl, SpaceControl and ExchangeRegisters.
 *
 * Decode, then invoke: every check comes first, so that once something
 * changes nothing can fail half-way (out-of-memory excepted, which undoes
 * what it did).
 */
#include "ipc.h"
#include "irq.h"
#include "kip.h"
#include "sched.h"
#include "space.h"
#include "syscall.h"
#include "tcb.h"
#include <l4/abi.h>

/* Give t the UTCB at `location` (-1: leave it). Returns an X.2 error or 0. */
static word_t set_utcb(tcb_t *t, word_t location)
{
	if (location == ~0ul)
		return 0;
	if (t->utcb_user)
		return t->state == TS_INACTIVE && location == t->utcb_user - L4_UTCB_MR0_OFFSET
		       ? 0 : ERR_UTCB_AREA;    /* an active thread keeps its UTCB */
	word_t error;
	word_t *utcb = space_utcb_alloc(t->space, location, &error);
	if (!utcb)
		return error;
	t->utcb = utcb;
	t->utcb_user = location + L4_UTCB_MR0_OFFSET;
	utcb[L4_UTCB_MY_GLOBAL_ID] = t->id;
	return 0;
}

/* Set the pager; an inactive thread with a UTCB in an initialised space
 * becomes active and waits for its start message. */
static word_t set_pager(tcb_t *t, word_t pager)
{
	if (pager == NILTHREAD)
		return 0;
	if (!t->utcb || !space_initialized(t->space))
		return ERR_UTCB_AREA;
	t->utcb[L4_UTCB_PAGER] = pager;
	if (t->state == TS_INACTIVE)
		sched_ready(t);         /* runs thread_first_run(): waits for the pager */
	return 0;
}

void sys_thread_control(word_t a[7])
{
	word_t dest = a[0], space_spec = a[1], scheduler = a[2], pager = a[3], utcb = a[4];

	if (!space_privileged(current->space))
		return sys_fail(a, ERR_NO_PRIVILEGE);
	if (tid_is_global(dest) && tid_no(dest) < SYSTEM_BASE) {      /* an interrupt thread */
		word_t error = space_spec == dest ? irq_associate(dest, pager) : ERR_INVALID_THREAD;
		if (error)
			return sys_fail(a, error);
		a[0] = 1;
		return;
	}
	if (!tid_is_global(dest) || tid_no(dest) < USER_BASE || tid_no(dest) >= MAX_THREADS)
		return sys_fail(a, ERR_INVALID_THREAD);
	bool exists = tcb_exists(tid_no(dest));
	tcb_t *t = exists ? tcb_lookup(dest) : NULL;

	if (space_spec == NILTHREAD) {                  /* delete */
		if (!t || t == current)
			return sys_fail(a, ERR_INVALID_THREAD);
		tcb_destroy(t);
		a[0] = 1;
		return;
	}
	if (exists && !t)
		return sys_fail(a, ERR_INVALID_THREAD);  /* that number, another version */

	tcb_t *in = space_spec == dest ? NULL : tcb_lookup(space_spec);
	if (space_spec != dest && !in)
		return sys_fail(a, ERR_INVALID_SPACE);

	if (!t) {                                       /* create */
		if (scheduler == NILTHREAD)
			return sys_fail(a, ERR_INVALID_SCHED);
		space_t *s = in ? in->space : space_create();
		if (!s)
			return sys_fail(a, ERR_NO_MEMORY);
		t = tcb_create(dest, s, scheduler);
		if (!t) {
			if (!in)
				space_destroy(s);
			return sys_fail(a, ERR_NO_MEMORY);
		}
	} else {                                        /* modify */
		if (in && in->space != t->space)
			return sys_fail(a, ERR_INVALID_SPACE);  /* moving spaces: not supported */
		if (scheduler != NILTHREAD)
			t->scheduler = scheduler;
	}
	word_t error = set_utcb(t, utcb);
	if (!error)
		error = set_pager(t, pager);
	if (error) {
		if (!exists)
			tcb_destroy(t);
		return sys_fail(a, error);
	}
	a[0] = 1;
}

void sys_space_control(word_t a[7])
{
	if (!space_privileged(current->space))
		return sys_fail(a, ERR_NO_PRIVILEGE);
	tcb_t *t = tcb_lookup(a[0]);
	if (!t || !t->space)
		return sys_fail(a, ERR_INVALID_SPACE);
	space_t *s = t->space;
	if (a[4] != NILTHREAD)
		s->redirector = a[4];
	if (!space_initialized(s)) {
		word_t error = space_set_areas(s, (fpage_t){ a[2] }, (fpage_t){ a[3] });
		if (error)
			return sys_fail(a, error);
	}
	a[0] = 1;
	a[1] = port_space_control(&s->pt, a[1]);       /* architecture bits: the port's */
}

/* ExchangeRegisters control bits (X.2). */
enum {
	XR_H = 1 << 0, XR_R = 1 << 1, XR_S = 1 << 2, XR_SP = 1 << 3, XR_IP = 1 << 4,
	XR_FLAGS = 1 << 5, XR_HANDLE = 1 << 6, XR_PAGER = 1 << 7, XR_HALT = 1 << 8,
};

void sys_exchange_registers(word_t a[7])
{
	word_t control = a[1];
	tcb_t *t = tcb_lookup_any(current, a[0]);

	if (!t || t->space != current->space || !t->utcb)
		return sys_fail(a, ERR_INVALID_THREAD), (void)(a[0] = NILTHREAD);
	struct trap_frame *f = port_user_frame(t);
	word_t old_sp = port_frame_sp(f), old_ip = port_frame_ip(f), old_flags = port_frame_flags(f);
	word_t old_handle = t->utcb[L4_UTCB_USER_HANDLE], old_pager = t->utcb[L4_UTCB_PAGER];
	word_t state = (t->halted ? XR_H : 0) | (t->state == TS_RECV_WAIT ? XR_R : 0) |
		       (t->state == TS_SEND_WAIT ? XR_S : 0);

	if ((control & XR_S) && t->state == TS_SEND_WAIT)
		ipc_cancel(t, IPC_ERR_CANCELED);
	if ((control & XR_R) && t->state == TS_RECV_WAIT)
		ipc_cancel(t, IPC_ERR_CANCELED);
	if (control & XR_SP)
		port_frame_set_sp(f, a[2]);
	if (control & XR_IP) {
		port_frame_set_ip(f, a[3]);
		t->started = true;      /* a thread waiting to start may go now */
	}
	if (control & XR_FLAGS)
		port_frame_set_flags(f, a[4]);
	if (control & XR_HANDLE)
		t->utcb[L4_UTCB_USER_HANDLE] = a[5];
	if (control & XR_PAGER)
		t->utcb[L4_UTCB_PAGER] = a[6];
	if (control & XR_HALT) {
		bool halt = control & XR_H;
		if (halt && !t->halted) {
			t->halted = true;
			if (t->state == TS_READY)
				sched_block(t, TS_READY);       /* off the queue, still ready */
		} else if (!halt && t->halted) {
			t->halted = false;
			sched_unhold(t);
		}
	}
	if (t == current && t->halted)
		sched_switch();
	a[0] = tid_is_local(a[0]) ? t->id : t->utcb_user;
	a[1] = state;
	a[2] = old_sp;
	a[3] = old_ip;
	a[4] = old_flags;
	a[5] = old_handle;
	a[6] = old_pager;
}
