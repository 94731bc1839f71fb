/*
 * thread.c - L4 threads on AArch64: where a thread's user registers live,
 * and what a thread switch changes besides the kernel stack.
 *
 * A thread's kernel stack is the top of its KTCB block (tcb.h), and its
 * user frame is the topmost struct trap_frame on it.  While the thread runs
 * in user mode its kernel stack is empty, so SP_EL1 is the stack top and
 * the vectors save the next trap's frame exactly there: every way back to
 * user mode (trap_return, arm_return_to_user) pops that frame last.
 */
#include "arch/thread.h"
#include "arm_fastpath.h"
#include "space.h"
#include "string.h"
#include "tcb.h"

#if PECAN_FASTPATH
word_t arm_fastpath_esr = ~0ul;         /* see arm_fastpath.h */
#endif

_Static_assert(sizeof(struct trap_frame) % 16 == 0, "the stack below the frame stays aligned");

struct trap_frame *port_user_frame(struct tcb *t)
{
	return (struct trap_frame *)tcb_kstack_top(t) - 1;
}

void port_thread_init(struct tcb *t, void (*entry)(void))
{
	struct trap_frame *f = port_user_frame(t);

	memset(f, 0, sizeof(*f));
	f->spsr = SPSR_EL0T;    /* EL0, interrupts on; IP = SP = 0 */
	arm_context_init(&t->arch, f, entry);
}

/* The user-visible per-thread registers go with the thread: its space
 * (TTBR0 and ASID) and its UTCB pointer (TPIDRRO_EL0); TPIDR_EL0 is in its
 * user frame.  A kernel thread has no space and keeps whichever
 * TTBR0 was loaded, which it never uses. */
void port_thread_switch(struct tcb *from, struct tcb *to)
{
#if PECAN_FASTPATH
	/* The IPC fast path blocked `to` (fastpath.S, step 3) and left it no
	 * kernel context, only sp = 0: its continuation is
	 * ipc_fastpath_resume(), called just below its user frame, the way a
	 * new thread starts. */
	if (!to->arch.sp)
		arm_context_init(&to->arch, port_user_frame(to), ipc_fastpath_resume);
#endif
	if (to->space)
		port_space_activate(&to->space->pt);
	write_sysreg(tpidrro_el0, to->utcb_user);
	arm_fastpath_sync();
	arm_context_switch(&from->arch, &to->arch);
}

/* t is current, so its space and UTCB pointer are loaded already, unless
 * they changed while it ran in the kernel: load them again, it is cheap. */
void port_return_to_user(struct tcb *t)
{
	if (t->space)
		port_space_activate(&t->space->pt);
	write_sysreg(tpidrro_el0, t->utcb_user);
	arm_fastpath_sync();
	arm_return_to_user(port_user_frame(t));
}

void port_frame_set_ipc_results(struct trap_frame *f, word_t from, word_t tag)
{
	f->x[0] = from;
	f->x[3] = tag;
}

/* SpaceControl's architecture bits: this port defines none. */
word_t port_space_control(struct port_space *s, word_t control)
{
	(void)s;
	(void)control;
	return 0;
}
