/*
 * trap.c - what an x86_64 trap means to the kernel.
 *
 * vectors.S saves the registers and calls x86_trap().  Here the vector
 * becomes a kernel event: a timer tick, a kernel breakpoint, or (for now)
 * a panic.  Faults from user mode will become L4 page-fault and exception
 * IPC here.
 */
#include "pc.h"
#include "port.h"

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
	"invalid opcode", "device not available", "double fault", "coprocessor overrun",
	"invalid TSS", "segment not present", "stack fault", "general protection",
	"page fault", "reserved", "x87 error", "alignment check", "machine check",
	"SIMD error", "virtualization", "control protection",
};

static bool from_kernel(const struct trap_frame *f)
{
	return (f->cs & 3) == 0;
}

static void interrupt(struct trap_frame *f, unsigned irq)
{
	if (irq == PC_IRQ_SPURIOUS_MASTER || irq == PC_IRQ_SPURIOUS_SLAVE)
		return;         /* a glitch on the line: the i8259 wants no EOI */
	pc_irq_ack(irq);
	if (irq == PC_IRQ_TIMER)
		timer_tick();
	else
		panic_frame(f, "unexpected interrupt line %u", irq);
}

void x86_trap(struct trap_frame *f);    /* called from vectors.S only */

void x86_trap(struct trap_frame *f)
{
	if (f->vector >= TRAP_IRQ_BASE) {
		interrupt(f, f->vector - TRAP_IRQ_BASE);
		return;
	}
	if (f->vector == 3 && from_kernel(f)) {
		kdebug_breakpoint(f);   /* int3 leaves rip after itself: just return */
		return;
	}
	const char *name = exception_names[f->vector] ? exception_names[f->vector] : "reserved";
	panic_frame(f, "%s in %s mode (vector %lu)", name,
		    from_kernel(f) ? "kernel" : "user", f->vector);
}
