/*
 * thread.c - L4 threads on mips64: the first frames of a thread, switching
 * threads, and leaving the kernel into a thread's user frame.
 *
 * A TCB is a KTCB_SIZE block: the TCB at its bottom, the kernel stack
 * above, and at the very top the thread's user registers, which trap_save
 * writes on every entry from user mode (vectors.S).
 */
#include "context.h"
#include "ipc.h"
#include "cp0.h"
#include "port.h"
#include "space.h"
#include "tcb.h"

_Static_assert(sizeof(struct trap_frame) % 16 == 0, "the stack below the frame stays aligned");

/* A user frame ready for eret: user mode (KSU) once EXL drops, 64-bit user
 * segment (UX), interrupts on.  Status is restored whole (only IM is taken
 * live), so it carries the kernel's KX for the next trap too. */
#define USER_STATUS (ST_KX | ST_UX | ST_KSU_USER | ST_EXL | ST_IE)

struct trap_frame *port_user_frame(struct tcb *t)
{
	return (struct trap_frame *)tcb_kstack_top(t) - 1;
}

/* Below the user frame, a switch frame whose ra is mips_thread_start:
 * the first mips_switch to t "returns" there and calls entry. */
void port_thread_init(struct tcb *t, void (*entry)(void))
{
	struct trap_frame *f = port_user_frame(t);
	struct switch_frame *sf = (struct switch_frame *)f - 1;

	*f = (struct trap_frame){ .status = USER_STATUS };
	*sf = (struct switch_frame){ .s = { (word_t)entry }, .ra = (word_t)mips_thread_start };
	t->arch.ksp = (word_t)sf;
}

/* A kernel thread (no space) keeps the last user space active: it never
 * touches user memory, and port_space_free drops a freed active space. */
/* The IPC fast path blocked `to` with arch.ksp = 0 (fastpath.S): its
 * kernel continuation is ipc_fastpath_resume(), on its kernel stack just
 * below its user frame; the switch frame "returns" there. */
static word_t fastpath_resume_frame(struct tcb *t)
{
	struct switch_frame *sf = (struct switch_frame *)port_user_frame(t) - 1;

	sf->ra = (word_t)ipc_fastpath_resume;
	return (word_t)sf;
}

void port_thread_switch(struct tcb *from, struct tcb *to)
{
	if (unlikely(from == to))       /* mips_switch would resume a stale sp */
		return;
	if (!to->arch.ksp)
		to->arch.ksp = fastpath_resume_frame(to);
	if (to->space)
		port_space_activate(&to->space->pt);
	mips_set_utcb(to->utcb_user);
	mips_cpu.kstack_top = (word_t)tcb_kstack_top(to);
	mips_switch(&from->arch.ksp, to->arch.ksp);
}

/* t is current, so its space and UTCB pointer are loaded, unless they
 * changed while it ran in the kernel (ThreadControl): load them again. */
void port_return_to_user(struct tcb *t)
{
	if (t->space)
		port_space_activate(&t->space->pt);
	mips_set_utcb(t->utcb_user);
	mips_return_to_user(port_user_frame(t));
}

void port_frame_set_ipc_results(struct trap_frame *f, word_t from, word_t tag)
{
	f->r[4] = from;         /* a0 */
	f->r[7] = tag;          /* a3 */
}

/* SpaceControl's architecture bits: this port defines none. */
word_t port_space_control(struct port_space *s, word_t control)
{
	(void)s;
	(void)control;
	return 0;
}
