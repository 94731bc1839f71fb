/*
 * trap.c - where AArch64 traps become kernel events.
 *
 * vectors.S saves a struct trap_frame and calls trap_dispatch() with the
 * vector it came through, interrupts masked.  On return the frame is
 * resumed, so a handler changes what runs next by editing it.
 *
 * From user mode (EL0) the frame is the current thread's user frame, at the
 * top of its kernel stack (thread.c):
 *   svc #0                      kernel_syscall(x8, x0-x6), results in x0-x6
 *   data abort                  kernel_page_fault(FAR, w if ESR.WnR else r, ELR)
 *   instruction abort           kernel_page_fault(FAR, x, ELR)
 *     (translation, permission and access-flag faults; an access-flag
 *      fault on a mapped page is the software access flag, fixed here)
 *   anything else               kernel_user_exception(frame, what)
 *   IRQ                         timer_tick() for the timer
 * and every one of these ends with kernel_preempt_point().
 * In the kernel: brk goes to kdebug_breakpoint(), the timer interrupt to
 * timer_tick(), and anything else panics.
 */
#include "arch/frame.h"
#include "arch/irq.h"
#include "arm_fastpath.h"
#include "port.h"

#define L4_R 4u
#define L4_W 2u
#define L4_X 1u

void trap_dispatch(unsigned kind, struct trap_frame *f);

static void kernel_sync(struct trap_frame *f)
{
	unsigned ec = ESR_EC(f->esr);

	if (ec == EC_BRK64) {
		kdebug_breakpoint(f);
		f->elr += 4;    /* ELR points at the brk itself: resume after it */
		return;
	}
	/* The kernel touched a user page whose access flag protect cleared. */
	if (ec == EC_DABT_EL1 && FSC_TYPE(f->esr) == FSC_ACCESS_FLAG &&
	    arm_space_access_fault(f->far))
		return;
	panic_frame(f, "%s at %p (ESR 0x%lx, FAR %p)", arm_ec_name(ec),
		    (void *)f->elr, f->esr, (void *)f->far);
}

/* An abort from user mode: a page fault, unless the MMU had no part in it
 * (alignment, external abort, ...). */
static void user_abort(struct trap_frame *f, unsigned access)
{
	switch (FSC_TYPE(f->esr)) {
	case FSC_ACCESS_FLAG:
		if (arm_space_access_fault(f->far))
			return;         /* retry: it is mapped, now marked referenced */
		/* fall through */
	case FSC_TRANSLATION:
	case FSC_PERMISSION:
		kernel_page_fault(f->far, access, f->elr);
		return;
	default:
		kernel_user_exception(f, ESR_EC(f->esr) == EC_DABT_EL0 ?
				      "data abort (not a page fault)" :
				      "instruction abort (not a page fault)");
	}
}

static void user_sync(struct trap_frame *f)
{
	unsigned ec = ESR_EC(f->esr);

	switch (ec) {
	case EC_SVC64:
		if (likely(ESR_SVC_IMM(f->esr) == 0)) {
			/* x0-x6 are args[0..6] in place: results land in them. */
			kernel_syscall(f->x[8], (word_t *)&f->x[0]);
			return;
		}
		kernel_user_exception(f, "svc with a nonzero immediate");
		return;
	case EC_DABT_EL0:
		user_abort(f, f->esr & ESR_WNR ? L4_W : L4_R);
		return;
	case EC_IABT_EL0:
		user_abort(f, L4_X);
		return;
	default:
		kernel_user_exception(f, arm_ec_name(ec));
	}
}

static void irq(struct trap_frame *f)
{
	unsigned irq = arm_irq_ack();

	if (irq == ARM_IRQ_NONE)
		return;         /* spurious: it went away before we looked */
	if (irq != ARM_TIMER_IRQ) {
		(void)f;
		port_irq_line_mask(irq);        /* until its handler has seen it */
		arm_irq_eoi(irq);
		kernel_interrupt(irq);          /* to the handler thread, as IPC */
		return;
	}
	arm_timer_rearm();
	arm_irq_eoi(irq);
	timer_tick();
}

void trap_dispatch(unsigned kind, struct trap_frame *f)
{
	switch (kind) {
	case VEC_EL1H | VEC_SYNC:
		kernel_sync(f);
		return;
	case VEC_EL1H | VEC_IRQ:
		irq(f);
		return;
	case VEC_EL0_64 | VEC_SYNC:
		user_sync(f);
		break;
	case VEC_EL0_64 | VEC_IRQ:
		irq(f);
		break;
	case VEC_EL0_64 | VEC_SERROR:
		kernel_user_exception(f, "SError (asynchronous abort)");
		break;
	default:
		panic_frame(f, "unexpected %s (ESR 0x%lx: %s)", arm_vector_name(kind),
			    f->esr, arm_ec_name(ESR_EC(f->esr)));
	}
	kernel_preempt_point();         /* every way back to user mode */
	arm_fastpath_sync();
}
