/*
 * dispatch.c - where a MIPS trap becomes a kernel event.
 *
 * vectors.S saves a trap frame and calls one of these handlers, with
 * interrupts off and EXL clear.  They decode CP0 Cause: the timer becomes
 * timer_tick(), a kernel breakpoint kdebug_breakpoint(), and anything the
 * kernel does not expect a panic that names it.  System calls, and TLB
 * misses turned into page-fault IPC, will join here.
 */
#include "cp0.h"
#include "cp0_timer.h"
#include "port.h"

void mips_trap(struct trap_frame *f);
void mips_tlb_refill(struct trap_frame *f);
void mips_xtlb_refill(struct trap_frame *f);
void mips_cache_error(struct trap_frame *f);

static void interrupt(struct trap_frame *f)
{
	uint32_t pending = (f->cause & f->status & CAUSE_IP) >> CAUSE_IP_SHIFT;

	if (pending & 1u << IRQ_LINE_TIMER) {
		for (unsigned n = cp0_timer_ack(); n; n--)
			timer_tick();
		pending &= ~(1u << IRQ_LINE_TIMER);
	}
	if (pending)
		panic_frame(f, "unexpected interrupt on line(s) IP 0x%02x", pending);
}

static void breakpoint(struct trap_frame *f)
{
	if (f->status & ST_KSU)
		panic_frame(f, "breakpoint in user mode at %p", (void *)f->epc);
	/* EPC would be the branch: resuming would run the break again. */
	if (f->cause & CAUSE_BD)
		panic_frame(f, "breakpoint in a branch delay slot at %p", (void *)(f->epc + 4));
	kdebug_breakpoint(f);
	f->epc += 4;                    /* resume after the break */
}

void mips_trap(struct trap_frame *f)
{
	unsigned code = cause_exc_code(f->cause);

	switch (code) {
	case EXC_INT:
		interrupt(f);
		break;
	case EXC_BP:
		breakpoint(f);
		break;
	default:
		panic_frame(f, "unexpected exception %s (ExcCode %u) at %p, address %p",
			    cp0_exc_name(code), code, (void *)f->epc, (void *)f->badvaddr);
	}
}

/* No TLB entries exist yet: any refill is a stray kernel access. */
void mips_tlb_refill(struct trap_frame *f)
{
	panic_frame(f, "TLB refill at %p for address %p: no mappings yet",
		    (void *)f->epc, (void *)f->badvaddr);
}

void mips_xtlb_refill(struct trap_frame *f)
{
	panic_frame(f, "XTLB refill at %p for address %p: no mappings yet",
		    (void *)f->epc, (void *)f->badvaddr);
}

void mips_cache_error(struct trap_frame *f)
{
	panic_frame(f, "cache error at %p (ErrorEPC)", (void *)CP0_READ64(30, 0));
}
