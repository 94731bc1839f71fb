/*
 * head.S - from the boot loader to kernel_main().
 *
 * QEMU (or any arm64 Linux loader) loads this raw image at RAM base +
 * text_offset and jumps to its first byte at EL1 (or EL2) with the MMU off,
 * x0 = the device tree's physical address.  We
 *   1. drop to EL1 if we came in at EL2,
 *   2. build boot page tables: an identity map of the kernel's gigabyte in
 *      TTBR0, and the kernel half in TTBR1 (see arch/mmu.h),
 *   3. turn the MMU and caches on and jump to the linked (upper-half) address,
 *   4. clear bss, set the stack and the vectors, and call kernel_main().
 */
#include "arch/mmu.h"
#include "arch/sysreg.h"

#define IMAGE_FLAGS	(1 << 1)	/* little-endian, 4 KB pages, 2 MB-aligned base near RAM start */

	.section .text.head, "ax"
	.globl	_start
_start:
	/* The arm64 Image header: only with it does QEMU pass a device tree. */
	b	primary_entry		/* code0 */
	.long	0			/* code1 */
	.quad	_text_offset		/* text_offset: load at RAM base + this */
	.quad	_kernel_size		/* image_size, bss included */
	.quad	IMAGE_FLAGS
	.quad	0, 0, 0			/* res2-res4 */
	.byte	'A', 'R', 'M', 0x64	/* magic */
	.long	0			/* res5: no PE/COFF header */

primary_entry:
	mov	x19, x0			/* keep the DTB address for later */
	msr	daifset, #0xf

	mrs	x0, CurrentEL
	cmp	x0, #(2 << 2)
	b.ne	at_el1
	/* At EL2: make EL1 AArch64, let it use the timers, FP and the PMU
	 * untrapped, show it the real MIDR/MPIDR, then "return" to EL1. */
	mov	x0, #HCR_RW
	msr	hcr_el2, x0
	mov	x0, #(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN)
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	mov	x0, #CPTR_EL2_RES1
	msr	cptr_el2, x0
	mrs	x0, pmcr_el0		/* all PMU counters to EL1, untrapped */
	ubfx	x0, x0, #11, #5
	msr	mdcr_el2, x0
	mrs	x0, midr_el1
	msr	vpidr_el2, x0
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0
	ldr	x0, =SCTLR_MMU_OFF
	msr	sctlr_el1, x0
	mov	x0, #SPSR_EL1H_MASKED
	msr	spsr_el2, x0
	adr	x0, at_el1
	msr	elr_el2, x0
	eret

at_el1:
	ldr	x0, =SCTLR_MMU_OFF	/* a known state: MMU and caches off */
	msr	sctlr_el1, x0
	isb

	/* The direct map needs VA = KERNEL_VBASE + PA, so we must run at the
	 * physical address we were linked for.  If not, there is no console
	 * yet to say so: park, and the boot test times out. */
	adr	x0, _start
	ldr	x1, =_kernel_phys
	cmp	x0, x1
	b.ne	park

	/*
	 * Boot page tables, written with the MMU off (they start zeroed, as
	 * part of the loaded image).  x20 = the kernel's 1 GB block descriptor.
	 */
	lsr	x21, x0, #30		/* the kernel's L1 index (its gigabyte) */
	lsl	x20, x21, #30
	ldr	x1, =PTE_KERNEL_RAM
	orr	x20, x20, x1

	adrp	x0, idmap_l0		/* TTBR0: identity, for the switch-over */
	adrp	x1, idmap_l1
	orr	x2, x1, #PTE_TABLE
	str	x2, [x0]		/* L0[0]: physical 0-512 GB */
	str	x20, [x1, x21, lsl #3]

	adrp	x0, kernel_l0		/* TTBR1: the kernel half */
	adrp	x1, arm_kernel_l1
	orr	x2, x1, #PTE_TABLE
	str	x2, [x0]		/* L0[0]: KERNEL_VBASE + 0-512 GB */
	str	x20, [x1, x21, lsl #3]
	ldr	x2, =PTE_KERNEL_DEV
	str	x2, [x1]		/* L1[0]: physical 0-1 GB, the devices */

	/* The walker reads through the caches once they are on: drop any
	 * stale lines over the tables we just wrote to memory. */
	dmb	sy
	adrp	x0, idmap_l0
	adrp	x1, boot_tables_end
	mrs	x2, ctr_el0
	ubfx	x2, x2, #16, #4		/* DminLine: log2(words per line) */
	mov	x3, #4
	lsl	x3, x3, x2
1:	dc	ivac, x0
	add	x0, x0, x3
	cmp	x0, x1
	b.lo	1b
	dsb	sy

	/* MMU registers.  IPS from PARange; 16-bit ASIDs where the CPU has them. */
	ldr	x0, =MAIR_VALUE
	msr	mair_el1, x0
	mrs	x1, id_aa64mmfr0_el1
	ldr	x0, =TCR_VALUE
	bfi	x0, x1, #TCR_IPS_SHIFT, #3
	ubfx	x2, x1, #4, #4		/* ASIDBits: 2 means 16 */
	cmp	x2, #2
	b.ne	1f
	orr	x0, x0, #TCR_AS
1:	msr	tcr_el1, x0
	adrp	x0, idmap_l0
	msr	ttbr0_el1, x0
	adrp	x0, kernel_l0
	msr	ttbr1_el1, x0
	isb
	tlbi	vmalle1
	ic	iallu
	dsb	nsh
	isb

	ldr	x0, =SCTLR_MMU_ON
	msr	sctlr_el1, x0
	isb
	ldr	x0, =upper_half		/* an absolute address: the linked VA */
	br	x0

upper_half:
	/* The identity map has done its job: no TTBR0 walks until the first
	 * user space, so a stray low address faults instead of hitting RAM. */
	mrs	x0, tcr_el1
	orr	x0, x0, #TCR_EPD0
	msr	tcr_el1, x0
	isb
	tlbi	vmalle1
	dsb	nsh
	isb

	adrp	x0, __bss_start		/* bss: 16-byte aligned and sized */
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:
	adrp	x0, boot_stack_top
	add	sp, x0, :lo12:boot_stack_top
	adrp	x0, arm_boot_dtb
	str	x19, [x0, :lo12:arm_boot_dtb]
	/* Vectors now, so that a fault in early C reaches panic_frame()
	 * instead of looping at VBAR's reset value. */
	adrp	x0, vectors
	add	x0, x0, :lo12:vectors
	msr	vbar_el1, x0
	isb
	bl	kernel_main
park:
	wfe
	b	park
	.ltorg

/* Boot page tables.  In .data rather than .bss so they arrive zeroed with
 * the image: they are written before bss could be cleared. */
	.section .data.pgtable, "aw"
	.balign	4096
idmap_l0:	.space	4096
idmap_l1:	.space	4096
kernel_l0:	.space	4096
	.globl	arm_kernel_l1
arm_kernel_l1:	.space	4096
boot_tables_end:

	.section .bss.stack, "aw", %nobits
	.balign	16
boot_stack:	.space	16384
boot_stack_top:
