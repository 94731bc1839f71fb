/*
 * dispatch.c - where a MIPS trap becomes a kernel event.
 *
 * vectors.S saves a trap frame and calls one of these handlers, with
 * interrupts off and EXL clear.  They decode CP0 Cause:
 *   - the timer becomes timer_tick();
 *   - syscall from user mode becomes kernel_syscall();
 *   - a TLB exception on a present page is the software V/D update
 *     (tlb.c); one the page tables cannot satisfy is kernel_page_fault()
 *     with L4 rights, and so is a user access to a kernel segment;
 *   - any other exception in user mode is kernel_user_exception();
 *   - a kernel breakpoint is kdebug_breakpoint();
 *   - anything else in kernel mode is a panic that names it.
 * Every way back to user mode passes kernel_preempt_point().
 */
#include "cp0.h"
#include "cp0_timer.h"
#include "malta.h"
#include "port.h"
#include "tlb.h"

void mips_trap(struct trap_frame *f);
void mips_tlb_refill(struct trap_frame *f);
void mips_xtlb_refill(struct trap_frame *f);
void mips_cache_error(struct trap_frame *f);

static bool from_user(const struct trap_frame *f)
{
	return f->status & ST_KSU;
}

/*
 * The register ABI (docs/api.md): number in v0, arguments and results in
 * a0-a6, which the frame holds as seven consecutive words, so the core
 * reads and writes them in place.  EPC steps past the syscall first: the
 * call may block, and may set this thread's IP meanwhile
 * (ExchangeRegisters), which must win.  A syscall in a delay slot cannot
 * be resumed (EPC is the branch).
 */
static void syscall(struct trap_frame *f)
{
	if (f->cause & CAUSE_BD) {
		kernel_user_exception(f, "syscall in a delay slot");
		return;
	}
	f->epc += 4;
	kernel_syscall(f->r[2], &f->r[4]);
}

/* L4 access rights of a faulting access: x for an instruction fetch (the
 * fetch of a delay slot reports the branch in EPC), else w or r. */
static unsigned fault_access(const struct trap_frame *f, bool write)
{
	word_t fetch = f->epc + (f->cause & CAUSE_BD ? 4 : 0);

	if (write)
		return 2;
	return f->badvaddr == f->epc || f->badvaddr == fetch ? 1 : 4;
}

/* A fault the page tables cannot satisfy: the pager's business if user
 * mode faulted, a kernel bug otherwise (unless a probe expected it). */
static void page_fault(struct trap_frame *f, bool write)
{
	if (from_user(f))
		kernel_page_fault(f->badvaddr, fault_access(f, write), f->epc);
	else if (!mips_probe_fixup(f))
		panic_frame(f, "kernel %s fault at %p, address %p",
			    write ? "write" : "read", (void *)f->epc, (void *)f->badvaddr);
}

static void interrupt(struct trap_frame *f)
{
	uint32_t pending = (f->cause & f->status & CAUSE_IP) >> CAUSE_IP_SHIFT;

	if (pending & 1u << IRQ_LINE_TIMER) {
		for (unsigned n = cp0_timer_ack(); n; n--)
			timer_tick();
		pending &= ~(1u << IRQ_LINE_TIMER);
	}
	if (pending & 1u << MALTA_IRQ_LINE) {   /* a device, through the i8259s */
		int irq = malta_irq_take();
		if (irq >= 0)
			kernel_interrupt(irq);  /* to its handler thread, as IPC */
		pending &= ~(1u << MALTA_IRQ_LINE);
	}
	if (pending)
		panic_frame(f, "unexpected interrupt on line(s) IP 0x%02x", pending);
}

static void breakpoint(struct trap_frame *f)
{
	/* EPC would be the branch: resuming would run the break again. */
	if (f->cause & CAUSE_BD)
		panic_frame(f, "breakpoint in a branch delay slot at %p", (void *)(f->epc + 4));
	kdebug_breakpoint(f);
	f->epc += 4;                    /* resume after the break */
}

static void exception(struct trap_frame *f)
{
	unsigned code = cause_exc_code(f->cause);

	switch (code) {
	case EXC_INT:
		interrupt(f);
		return;
	case EXC_SYS:
		if (!from_user(f))
			break;
		syscall(f);
		return;
	case EXC_MOD:
	case EXC_TLBL:
	case EXC_TLBS:
		/* A present entry with V (or, for a store, D) clear: the first
		 * access since map or protect, or a real fault. */
		if (!mips_tlb_fixup(f->badvaddr, code != EXC_TLBL))
			page_fault(f, code != EXC_TLBL);
		return;
	case EXC_ADEL:
	case EXC_ADES:
		/* User mode touched a kernel segment: a page fault, so the pager
		 * hears of it.  A misaligned user address is an exception. */
		if (from_user(f) && f->badvaddr >= PORT_USER_END) {
			page_fault(f, code == EXC_ADES);
			return;
		}
		break;
	case EXC_BP:
		if (from_user(f))
			break;
		breakpoint(f);
		return;
	}
	if (from_user(f))
		kernel_user_exception(f, cp0_exc_name(code));
	else
		panic_frame(f, "unexpected exception %s (ExcCode %u) at %p, address %p",
			    cp0_exc_name(code), code, (void *)f->epc, (void *)f->badvaddr);
}

void mips_trap(struct trap_frame *f)
{
	exception(f);
	if (from_user(f))
		kernel_preempt_point();
}

/* The refill handlers come here only for an address beyond the page
 * tables' reach: a kernel segment, or xuseg above PORT_USER_END. */
void mips_tlb_refill(struct trap_frame *f)
{
	page_fault(f, cause_exc_code(f->cause) == EXC_TLBS);
	if (from_user(f))
		kernel_preempt_point();
}

void mips_xtlb_refill(struct trap_frame *f)
{
	mips_tlb_refill(f);
}

void mips_cache_error(struct trap_frame *f)
{
	panic_frame(f, "cache error at %p (ErrorEPC)", (void *)CP0_READ64(30, 0));
}
