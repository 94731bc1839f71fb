/*
 * cpu.c - x86_64 CPU setup: segments, the TSS, the IDT, the CPU's name.
 *
 * Long mode barely uses segments, but it still wants a GDT with code and
 * data descriptors for both privilege levels (in the order syscall/sysret
 * expect), and a TSS that holds the kernel stack for traps from user mode.
 */
#include "cpu.h"
#include "kprintf.h"
#include "port.h"
#include "string.h"
#include "pc.h"
#include "x86.h"

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t ist;
	uint8_t type;           /* present, DPL, 64-bit interrupt gate */
	uint16_t offset_mid;
	uint32_t offset_high;
	uint32_t reserved;
} __attribute__((packed));

struct table_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

#define NUM_VECTORS 48
#define VECTOR_BREAKPOINT 3
#define VECTOR_DOUBLE_FAULT 8
#define GATE_KERNEL 0x8e        /* present, DPL 0, interrupt gate (IF cleared) */
#define GATE_USER   0xee        /* the same, but int3 may be used from ring 3 */

extern const uint64_t trap_vectors[NUM_VECTORS];       /* vectors.S */
extern char syscall_entry[];                           /* vectors.S */
#if PECAN_FASTPATH
extern char x86_fastpath[];                            /* glue/x86_64/fastpath.S */
#define SYSCALL_TARGET x86_fastpath
#else
#define SYSCALL_TARGET syscall_entry
#endif
extern uint64_t boot_pml4[512];                        /* boot.S */

static uint64_t gdt[7] = {
	0,
	0x00af9a000000ffff,     /* SEL_KCODE: 64-bit code, DPL 0 */
	0x00cf92000000ffff,     /* SEL_KDATA */
	0x00cff2000000ffff,     /* SEL_UDATA: DPL 3 */
	0x00affa000000ffff,     /* SEL_UCODE: 64-bit code, DPL 3 */
	0, 0,                   /* SEL_TSS: a 16-byte system descriptor */
};
struct x86_tss x86_tss __attribute__((aligned(64)));    /* rsp0 in one cache line */
static struct idt_gate idt[NUM_VECTORS];
static uint8_t double_fault_stack[4096] __attribute__((aligned(16)));

static void load_gdt(void)
{
	uint64_t base = (uint64_t)&x86_tss, limit = sizeof(x86_tss) - 1;

	gdt[5] = (limit & 0xffff) | (base & 0xffffff) << 16 | 0x89ul << 40 |
		 ((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56;
	gdt[6] = base >> 32;
	x86_tss.ist[0] = (uint64_t)(double_fault_stack + sizeof(double_fault_stack));
	x86_tss.iomap_base = sizeof(x86_tss);   /* no I/O bitmap: user I/O traps */

	struct table_ptr ptr = { sizeof(gdt) - 1, (uint64_t)gdt };
	__asm__ volatile(
		"lgdt %0\n\t"
		"pushq %1\n\t"          /* reload CS with a far return */
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\tmovw %w2, %%ds\n\t"
		"movw %w2, %%es\n\t"
		"movw %w2, %%ss\n\t"
		"ltr %w3"
		: : "m"(ptr), "i"(SEL_KCODE), "r"(SEL_KDATA), "r"(SEL_TSS) : "rax", "memory");
}

void x86_set_kernel_stack(word_t top)
{
	x86_tss.rsp[0] = top;
}

/* syscall enters with interrupts, traps, DF and AC off: at the IPC fast
 * path (fastpath.S), which sends everything it does not take on to
 * syscall_entry, or, in a kernel built without it, at syscall_entry.
 * sysret-style selectors: user data at SEL_KDATA + 8, user code at + 16
 * (the fast path leaves with sysret). */
static void syscall_init(void)
{
	wrmsr(MSR_STAR, (uint64_t)SEL_KDATA << 48 | (uint64_t)SEL_KCODE << 32);
	wrmsr(MSR_LSTAR, (uint64_t)SYSCALL_TARGET);
	wrmsr(MSR_FMASK, 0x40700);      /* AC, DF, IF, TF */
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | 1);   /* SCE */
}

void port_cpu_init(void)
{
	load_gdt();
	/* Nothing runs at its physical address any more: drop the identity
	 * map, so that the lower half is free for user spaces, and flush
	 * even global entries (toggling PGE) so none of it survives. */
	boot_pml4[0] = 0;
	write_cr4(read_cr4() & ~X86_CR4_PGE);
	write_cr4(read_cr4() | X86_CR4_PGE);
	syscall_init();
	x86_mmu_init();
}

void port_trap_init(void)
{
	for (unsigned v = 0; v < NUM_VECTORS; v++) {
		uint64_t addr = trap_vectors[v];
		idt[v] = (struct idt_gate){
			.offset_low = addr & 0xffff,
			.selector = SEL_KCODE,
			.ist = v == VECTOR_DOUBLE_FAULT,        /* a known-good stack */
			.type = v == VECTOR_BREAKPOINT ? GATE_USER : GATE_KERNEL,
			.offset_mid = (addr >> 16) & 0xffff,
			.offset_high = addr >> 32,
		};
	}
	struct table_ptr ptr = { sizeof(idt) - 1, (uint64_t)idt };
	__asm__ volatile("lidt %0" : : "m"(ptr));
	pc_pic_init();
}

const char *port_cpu_name(void)
{
	static char name[49];
	uint32_t r[4];

	if (name[0])
		return name;
	cpuid(0x80000000, r);
	if (r[0] < 0x80000004) {        /* no brand string: give the vendor */
		cpuid(0, r);
		memcpy(name, &r[1], 4);
		memcpy(name + 4, &r[3], 4);
		memcpy(name + 8, &r[2], 4);
		return name;
	}
	for (unsigned i = 0; i < 3; i++) {
		cpuid(0x80000002 + i, r);
		memcpy(name + 16 * i, r, 16);
	}
	const char *p = name;
	while (*p == ' ')       /* brand strings may be right-aligned */
		p++;
	return p;
}
