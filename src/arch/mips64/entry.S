/*
 * entry.S - where QEMU's malta boot code jumps, in KSEG0, with the CPU as
 * reset left it (Status.ERL and BEV may be set) and the YAMON arguments:
 *   a0 = argc, a1 = argv, a2 = envp (arrays of 32-bit pointers), a3 = memsize.
 */
#include "cp0.h"

	.section .text.entry, "ax"
	.set	noreorder
	.globl	_start
	.ent	_start
_start:
	/* Kernel mode, interrupts off, EXL=ERL=0, no FPU.  KX lets the kernel
	 * use xkphys; UX makes user space (xuseg, and xkuseg in kernel mode)
	 * 64-bit, with its refills at the XTLB vector.  BEV stays set until
	 * trap.c has written EBase, because EBase may only change while BEV=1. */
	li	$t0, ST_KX | ST_UX | ST_BEV
	mtc0	$t0, C0_STATUS
	mtc0	$zero, C0_CAUSE          /* Count running, IV=0, no soft interrupts */
	ehb

	/* Clear bss; a0..a3 survive, only t0 and t1 are used. */
	dla	$t0, __bss_start
	dla	$t1, __bss_end
1:	beq	$t0, $t1, 2f
	 nop
	sd	$zero, 0($t0)
	b	1b
	 daddiu	$t0, $t0, 8
2:
	dla	$sp, boot_stack_top
	jal	malta_boot_args         /* keep what the loader passed */
	 nop
	jal	kernel_main
	 nop
3:	b	3b                      /* kernel_main does not return */
	 nop
	.end	_start

	.section .bss.stack, "aw", @nobits
	.balign	16
boot_stack:
	.space	16384
	.globl	boot_stack_top
boot_stack_top:
