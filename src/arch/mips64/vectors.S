/*
 * vectors.S - the exception vectors and the trap frame save/restore.
 *
 * The vectors sit at the start of the kernel image, which is 4 KiB aligned,
 * and trap.c points EBase there.  Each vector only loads its C handler into
 * k0 (k0 and k1 are the trap code's by the MIPS convention) and joins
 * trap_save, which builds a struct trap_frame on the stack and calls
 * handler(frame).  On return the frame is restored and eret resumes at EPC.
 *
 * For now every trap comes from kernel mode, on a kernel stack.  When user
 * mode arrives, trap_save must switch to the thread's kernel stack if the
 * saved Status.KSU says user.
 */
#include <asm-offsets.h>
#include "cp0.h"

	.set	noreorder
	.set	noat

	.macro	VECTOR handler
	dla	$k0, \handler
	j	trap_save
	 nop
	.endm

	.section .text.vectors, "ax"
	.balign	4096
	.globl	exception_base
exception_base:
	/* +0x000: TLB refill for a 32-bit address.  No TLB entries exist yet:
	 * a refill here is a kernel bug, and the handler says so. */
	VECTOR	mips_tlb_refill
	.org	0x080
	/* +0x080: XTLB refill, for a 64-bit (xuseg, xkseg) address. */
	VECTOR	mips_xtlb_refill
	.org	0x100
	/* +0x100: cache error; the CPU runs it through KSEG1 (uncached). */
	VECTOR	mips_cache_error
	.org	0x180
	/* +0x180: every other exception, and interrupts (Cause.IV=0). */
	VECTOR	mips_trap

	.text
	.ent	trap_save
trap_save:
	daddiu	$sp, $sp, -TF_SIZE
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,30,31
	sd	$\n, (TF_REGS + \n * TF_WORD)($sp)
	.endr
	sd	$zero, TF_REGS($sp)
	daddiu	$k1, $sp, TF_SIZE         /* the sp at the trap */
	sd	$k1, (TF_REGS + 29 * TF_WORD)($sp)
	mfhi	$k1
	sd	$k1, TF_HI($sp)
	mflo	$k1
	sd	$k1, TF_LO($sp)
	mfc0	$k1, C0_STATUS
	sd	$k1, TF_STATUS($sp)
	mfc0	$k1, C0_CAUSE
	sd	$k1, TF_CAUSE($sp)
	dmfc0	$k1, C0_EPC
	sd	$k1, TF_EPC($sp)
	dmfc0	$k1, C0_BADVADDR
	sd	$k1, TF_BADVADDR($sp)

	/* Leave exception level, staying in kernel mode with interrupts off:
	 * a fault inside the handler is then an ordinary nested trap, with
	 * its own EPC and frame, instead of a silent loop at EXL=1. */
	mfc0	$k1, C0_STATUS
	ori	$k1, $k1, ST_EXL | ST_ERL | ST_KSU | ST_IE
	xori	$k1, $k1, ST_EXL | ST_ERL | ST_KSU | ST_IE
	mtc0	$k1, C0_STATUS
	ehb

	jalr	$k0                      /* handler(frame) */
	 move	$a0, $sp

	/* Back to exception level with the frame's Status, but keep the live
	 * interrupt mask (IM): a handler may have changed it.  EXL keeps
	 * interrupts out until eret, whatever the frame's IE says. */
	di
	ehb
	ld	$t0, TF_STATUS($sp)
	mfc0	$t1, C0_STATUS
	li	$t2, ST_IM
	and	$t1, $t1, $t2
	nor	$t2, $zero, $t2
	and	$t0, $t0, $t2
	or	$t0, $t0, $t1
	mtc0	$t0, C0_STATUS
	ehb
	ld	$t0, TF_EPC($sp)
	dmtc0	$t0, C0_EPC
	ld	$t0, TF_HI($sp)
	mthi	$t0
	ld	$t0, TF_LO($sp)
	mtlo	$t0
	/* every register but zero, k0, k1 and sp, then sp */
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,30,31
	ld	$\n, (TF_REGS + \n * TF_WORD)($sp)
	.endr
	ld	$sp, (TF_REGS + 29 * TF_WORD)($sp)
	eret
	.end	trap_save
