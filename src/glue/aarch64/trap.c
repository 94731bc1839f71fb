/*
 * trap.c - where AArch64 traps become kernel events.
 *
 * vectors.S saves a struct trap_frame and calls trap_dispatch() with the
 * vector it came through, interrupts masked.  On return the frame is
 * resumed, so a handler changes what runs next by editing it (ELR).
 * Today: a kernel brk goes to kdebug_breakpoint(), the timer interrupt to
 * timer_tick(), and anything else panics.  System calls, page faults and
 * exceptions from user mode become IPC here in later steps.
 */
#include "arch/frame.h"
#include "arch/irq.h"
#include "port.h"

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

static void irq(struct trap_frame *f)
{
	unsigned irq = arm_irq_ack();

	if (irq == ARM_IRQ_NONE)
		return;         /* spurious: it went away before we looked */
	if (irq != ARM_TIMER_IRQ)
		panic_frame(f, "unexpected interrupt %u", irq);
	arm_timer_rearm();
	arm_irq_eoi(irq);
	timer_tick();
}

void trap_dispatch(unsigned kind, struct trap_frame *f)
{
	switch (kind) {
	case VEC_EL1H | VEC_SYNC:
		kernel_sync(f);
		break;
	case VEC_EL1H | VEC_IRQ:
	case VEC_EL0_64 | VEC_IRQ:
		irq(f);
		break;
	default:
		panic_frame(f, "unexpected %s (ESR 0x%lx: %s)", arm_vector_name(kind),
			    f->esr, arm_ec_name(ESR_EC(f->esr)));
	}
}
