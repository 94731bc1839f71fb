/*
 * trap.c - what an x86_64 trap means to the kernel.
 *
 * vectors.S saves the registers and calls x86_trap().  Here the vector
 * becomes a kernel event: a timer tick, a kernel breakpoint, a user page
 * fault (to the pager, by IPC), another user exception, or a panic for
 * anything the kernel itself did wrong.
 */
#include "cpu.h"
#include "pc.h"
#include "x86.h"
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
	if (irq == PC_IRQ_TIMER) {
		pc_irq_ack(irq);
		timer_tick();
		return;
	}
	(void)f;
	port_irq_line_mask(irq);        /* until its handler has seen it */
	pc_irq_ack(irq);
	kernel_interrupt(irq);          /* to the handler thread, as IPC */
}

void x86_trap(struct trap_frame *f);    /* called from vectors.S only */

#define VECTOR_PAGE_FAULT 14
#define PF_WRITE (1 << 1)
#define PF_FETCH (1 << 4)

/* A trap from user mode: the thread's business, never the kernel's end. */
static void user_trap(struct trap_frame *f)
{
	if (f->vector >= TRAP_IRQ_BASE)
		interrupt(f, f->vector - TRAP_IRQ_BASE);
	else if (f->vector == VECTOR_PAGE_FAULT)
		kernel_page_fault(read_cr2(), f->error & PF_FETCH ? 1 : f->error & PF_WRITE ? 2 : 4, f->rip);
	else
		kernel_user_exception(f, exception_names[f->vector] ? exception_names[f->vector] : "reserved");
	kernel_preempt_point();
	x86_fastpath_sync();
}

void x86_trap(struct trap_frame *f)
{
	if (!from_kernel(f))
		return user_trap(f);
	if (f->vector >= TRAP_IRQ_BASE) {
		interrupt(f, f->vector - TRAP_IRQ_BASE);
		return;
	}
	if (f->vector == 3) {
		kdebug_breakpoint(f);   /* int3 leaves rip after itself: just return */
		return;
	}
	const char *name = exception_names[f->vector] ? exception_names[f->vector] : "reserved";
	panic_frame(f, "%s in kernel mode (vector %lu)", name, f->vector);
}
