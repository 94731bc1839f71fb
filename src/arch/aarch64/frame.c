/* frame.c - printing a trap frame, and naming AArch64 exceptions. */
#include "arch/frame.h"
#include "kprintf.h"
#include "port.h"

static const char *const ec_names[64] = {
	[0x00] = "undefined instruction",
	[0x01] = "trapped WFI/WFE",
	[0x07] = "trapped FP/SIMD access",
	[0x0e] = "illegal execution state",
	[0x15] = "SVC from AArch64",
	[0x18] = "trapped system register access",
	[0x20] = "instruction abort from EL0",
	[0x21] = "instruction abort in the kernel",
	[0x22] = "PC alignment fault",
	[0x24] = "data abort from EL0",
	[0x25] = "data abort in the kernel",
	[0x26] = "SP alignment fault",
	[0x2c] = "FP exception",
	[0x2f] = "SError",
	[0x30] = "breakpoint from EL0",
	[0x31] = "breakpoint in the kernel",
	[0x32] = "software step from EL0",
	[0x33] = "software step in the kernel",
	[0x34] = "watchpoint from EL0",
	[0x35] = "watchpoint in the kernel",
	[0x3c] = "BRK instruction",
};

const char *arm_ec_name(unsigned ec)
{
	return ec < 64 && ec_names[ec] ? ec_names[ec] : "unknown exception class";
}

const char *arm_vector_name(unsigned kind)
{
	static const char *const names[16] = {
		"synchronous exception on SP_EL0", "IRQ on SP_EL0",
		"FIQ on SP_EL0", "SError on SP_EL0",
		"synchronous exception in the kernel", "IRQ in the kernel",
		"FIQ in the kernel", "SError in the kernel",
		"synchronous exception from EL0", "IRQ from EL0",
		"FIQ from EL0", "SError from EL0",
		"synchronous exception from AArch32 EL0", "IRQ from AArch32 EL0",
		"FIQ from AArch32 EL0", "SError from AArch32 EL0",
	};
	return kind < 16 ? names[kind] : "?";
}

void port_frame_dump(const struct trap_frame *f)
{
	for (unsigned i = 0; i < 31; i++)
		kprintf("%sx%u=%016lx%s", i < 10 ? "  " : " ", i, f->x[i],
			i % 4 == 3 ? "\n" : "");
	kprintf("  sp=%016lx tpidr=%016lx\n", f->sp, f->tpidr);
	kprintf(" elr=%016lx spsr=%08lx esr=%08lx far=%016lx\n",
		f->elr, f->spsr, f->esr, f->far);
	kprintf(" esr: class 0x%02lx, %s; from EL%lu\n", ESR_EC(f->esr),
		arm_ec_name(ESR_EC(f->esr)), (f->spsr & 0xc) >> 2);
}

/* The stack pointer and flags are the user's (SP_EL0 and NZCV) in a user
 * frame.  Only NZCV may change: the mode and the interrupt masks in SPSR
 * stay what the kernel saved, so a user can never eret into EL1 or run
 * with interrupts off. */
word_t port_frame_sp(const struct trap_frame *f)
{
	return f->sp;
}

word_t port_frame_flags(const struct trap_frame *f)
{
	return f->spsr & SPSR_NZCV;
}

void port_frame_set_ip(struct trap_frame *f, word_t ip)
{
	f->elr = ip;
}

void port_frame_set_sp(struct trap_frame *f, word_t sp)
{
	f->sp = sp;
}

void port_frame_set_flags(struct trap_frame *f, word_t flags)
{
	f->spsr = (f->spsr & ~(uint64_t)SPSR_NZCV) | (flags & SPSR_NZCV);
}
