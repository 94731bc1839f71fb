/*
 * thread.c - x86_64 threads as L4 sees them: user frames, switching, the
 * UTCB pointer, and the system call ABI (docs/api.md).
 */
#include "cpu.h"
#include "ipc.h"
#include "port.h"
#include "sched.h"
#include "string.h"
#include "tcb.h"
#include <l4/abi.h>

#define RFLAGS_IF     0x200ul
#define RFLAGS_IOPL3  0x3000ul  /* in/out allowed in ring 3 (SpaceControl bit 0) */
#define RFLAGS_USER   0xcd5ul   /* CF PF AF ZF SF DF OF: what user mode may set */

extern char trap_return[];                      /* vectors.S */
void x86_switch_stacks(word_t *save_sp, word_t new_sp);        /* switch.S */

#if PECAN_FASTPATH
extern word_t x86_fastpath_sysno;               /* fastpath.S */

/*
 * TEST1 compares the system call number with x86_fastpath_sysno: Ipc's
 * while the fast path may run, else a number no call has, so one compare
 * tests both.  It may run while ipc_fastpath_on, and while no preemption
 * is pending (a delayed one, sched.c): the fast path switches threads
 * without asking the scheduler, and TEST6 counts on its choice being the
 * partner.  Both change only in the kernel, and every way back to user
 * mode but the fast path's own calls this first: after a system call
 * (x86_syscall), after a trap (trap.c), and into a thread's frame
 * (port_return_to_user).
 */
void x86_fastpath_sync(void)
{
	x86_fastpath_sysno = ipc_fastpath_on && !sched_preempt_pending() ? L4_SYS_IPC : ~0ul;
}
#endif

struct trap_frame *port_user_frame(struct tcb *t)
{
	return (struct trap_frame *)tcb_kstack_top(t) - 1;
}

word_t port_frame_sp(const struct trap_frame *f) { return f->rsp; }
word_t port_frame_flags(const struct trap_frame *f) { return f->rflags; }
/* sysret (the fast path's exit) must never see a non-canonical rip: on
 * Intel it would fault in kernel mode on the user's stack.  Bit 47 extends
 * upwards; such an ip still faults, in user mode, to the pager. */
void port_frame_set_ip(struct trap_frame *f, word_t ip) { f->rip = (word_t)((int64_t)(ip << 16) >> 16); }
void port_frame_set_sp(struct trap_frame *f, word_t sp) { f->rsp = sp; }

void port_frame_set_flags(struct trap_frame *f, word_t flags)
{
	f->rflags = (f->rflags & ~RFLAGS_USER) | (flags & RFLAGS_USER);
}

/*
 * The new kernel stack, from the top: the user frame; a zero word where a
 * return address would be (entry() is entered as if called); entry's
 * address for x86_switch_stacks' ret; six zeroed callee-saved registers.
 */
void port_thread_init(struct tcb *t, void (*entry)(void))
{
	struct trap_frame *f = port_user_frame(t);
	word_t *sp = (word_t *)f;

	memset(f, 0, sizeof(*f));
	f->cs = SEL_UCODE | 3;
	f->ss = SEL_UDATA | 3;
	f->rflags = RFLAGS_IF;
	*--sp = 0;
	*--sp = (word_t)entry;
	for (int i = 0; i < 6; i++)
		*--sp = 0;
	t->arch.ksp = (word_t)sp;
}

void port_thread_switch(struct tcb *from, struct tcb *to)
{
	if (to->space) {
		if (unlikely(to->space->pt.io_privilege))
			port_user_frame(to)->rflags |= RFLAGS_IOPL3;
		port_space_activate(&to->space->pt);
		x86_set_kernel_stack((word_t)tcb_kstack_top(to));
		wrmsr(MSR_FS_BASE, to->utcb_user);      /* the UTCB pointer: %fs:-16 */
	}
	x86_switch_stacks(&from->arch.ksp, to->arch.ksp);
}

NORETURN void port_return_to_user(struct tcb *t)
{
	x86_fastpath_sync();
	__asm__ volatile("movq %0, %%rsp\n\tjmp trap_return" : : "r"(port_user_frame(t)) : "memory");
	__builtin_unreachable();
}

void x86_syscall(struct trap_frame *f);         /* from syscall_entry only */

void x86_syscall(struct trap_frame *f)
{
	word_t a[7] = { f->rdi, f->rsi, f->rdx, f->r10, f->r8, f->r9, f->r12 };

	kernel_syscall(f->rax, a);
	x86_fastpath_sync();
	f->rdi = a[0];
	f->rsi = a[1];
	f->rdx = a[2];
	f->r10 = a[3];
	f->r8 = a[4];
	f->r9 = a[5];
	f->r12 = a[6];
}

/*
 * Only ipc_fastpath_resume() calls this, for a thread that the fast path
 * blocked.  The fast path saved what the thread gets back from its frame
 * (fastpath.S), not what the slow path's entry also saves only to give
 * back in registers the system call destroys (rax, rcx, r11) or that hold
 * results: those are completed here, as syscall_entry would have saved
 * them, before the frame is restored.
 */
void port_frame_set_ipc_results(struct trap_frame *f, word_t from, word_t tag)
{
	f->rax = L4_SYS_IPC;
	f->rcx = f->rip;
	f->r11 = f->rflags;
	f->vector = 0x80;
	f->error = 0;
	f->rdi = from;
	f->r10 = tag;
}

/*
 * SpaceControl's x86_64 control bit 0: the threads of the space may use
 * in/out (IOPL 3).  Only privileged threads get to call SpaceControl; a
 * thread gets the privilege on its next switch, the caller at once.
 */
#define SPACE_CONTROL_IO 1ul

word_t port_space_control(struct port_space *s, word_t control)
{
	word_t old = s->io_privilege ? SPACE_CONTROL_IO : 0;

	if (control != ~0ul) {
		s->io_privilege = control & SPACE_CONTROL_IO;
		if (current->space && &current->space->pt == s) {
			struct trap_frame *f = port_user_frame(current);
			f->rflags = s->io_privilege ? f->rflags | RFLAGS_IOPL3 : f->rflags & ~RFLAGS_IOPL3;
		}
	}
	return old;
}
