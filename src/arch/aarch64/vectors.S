/*
 * vectors.S - the exception vector table and the trap entry and exit.
 *
 * Every trap saves a full struct trap_frame (arch/frame.h) on the kernel
 * stack and calls trap_dispatch(kind, frame) in the glue; whatever the
 * dispatcher leaves in the frame (ELR, SPSR, registers) is what eret
 * resumes.  The offsets come from the generated <asm-offsets.h>.
 */
#include <asm-offsets.h>
#include "arch/frame.h"
#include "arch/sysreg.h"

/* A vector slot is 32 instructions: save x0 and x1 to make room for the
 * kind, then go to the common path. */
.macro	ventry kind
	.balign	0x80
	sub	sp, sp, #TF_SIZE
	stp	x0, x1, [sp, #TF_X0]
	mov	x0, #(\kind)
	b	trap_entry
.endm

	.text
	.balign	2048			/* VBAR_EL1 ignores the low 11 bits */
	.globl	vectors
vectors:
	ventry	VEC_EL1T | VEC_SYNC
	ventry	VEC_EL1T | VEC_IRQ
	ventry	VEC_EL1T | VEC_FIQ
	ventry	VEC_EL1T | VEC_SERROR
	ventry	VEC_EL1H | VEC_SYNC
	ventry	VEC_EL1H | VEC_IRQ
	ventry	VEC_EL1H | VEC_FIQ
	ventry	VEC_EL1H | VEC_SERROR
	ventry	VEC_EL0_64 | VEC_SYNC
	ventry	VEC_EL0_64 | VEC_IRQ
	ventry	VEC_EL0_64 | VEC_FIQ
	ventry	VEC_EL0_64 | VEC_SERROR
	ventry	VEC_EL0_32 | VEC_SYNC
	ventry	VEC_EL0_32 | VEC_IRQ
	ventry	VEC_EL0_32 | VEC_FIQ
	ventry	VEC_EL0_32 | VEC_SERROR

trap_entry:
	stp	x2, x3, [sp, #TF_X0 + 2 * 8]
	stp	x4, x5, [sp, #TF_X0 + 4 * 8]
	stp	x6, x7, [sp, #TF_X0 + 6 * 8]
	stp	x8, x9, [sp, #TF_X0 + 8 * 8]
	stp	x10, x11, [sp, #TF_X0 + 10 * 8]
	stp	x12, x13, [sp, #TF_X0 + 12 * 8]
	stp	x14, x15, [sp, #TF_X0 + 14 * 8]
	stp	x16, x17, [sp, #TF_X0 + 16 * 8]
	stp	x18, x19, [sp, #TF_X0 + 18 * 8]
	stp	x20, x21, [sp, #TF_X0 + 20 * 8]
	stp	x22, x23, [sp, #TF_X0 + 22 * 8]
	stp	x24, x25, [sp, #TF_X0 + 24 * 8]
	stp	x26, x27, [sp, #TF_X0 + 26 * 8]
	stp	x28, x29, [sp, #TF_X0 + 28 * 8]
	str	x30, [sp, #TF_X0 + 30 * 8]
	mrs	x20, elr_el1
	mrs	x21, spsr_el1
	mrs	x22, esr_el1
	mrs	x23, far_el1
	stp	x20, x21, [sp, #TF_ELR]
	stp	x22, x23, [sp, #TF_ESR]
	/* The interrupted sp: a user's is in SP_EL0, the kernel's is just
	 * above this frame. */
	add	x24, sp, #TF_SIZE
	tst	x21, #SPSR_EL_MASK
	b.ne	1f
	mrs	x24, sp_el0
1:	str	x24, [sp, #TF_SP]

	mov	x1, sp
	bl	trap_dispatch		/* (kind, frame) */

	.globl	trap_return
trap_return:
	/* ELR and SPSR must survive until eret: no interrupt in between
	 * (the kernel may have idled with IRQs on before coming back here). */
	msr	daifset, #0xf
	ldp	x20, x21, [sp, #TF_ELR]
	msr	elr_el1, x20
	msr	spsr_el1, x21
	tst	x21, #SPSR_EL_MASK
	b.ne	1f
	ldr	x24, [sp, #TF_SP]
	msr	sp_el0, x24
1:	ldp	x0, x1, [sp, #TF_X0]
	ldp	x2, x3, [sp, #TF_X0 + 2 * 8]
	ldp	x4, x5, [sp, #TF_X0 + 4 * 8]
	ldp	x6, x7, [sp, #TF_X0 + 6 * 8]
	ldp	x8, x9, [sp, #TF_X0 + 8 * 8]
	ldp	x10, x11, [sp, #TF_X0 + 10 * 8]
	ldp	x12, x13, [sp, #TF_X0 + 12 * 8]
	ldp	x14, x15, [sp, #TF_X0 + 14 * 8]
	ldp	x16, x17, [sp, #TF_X0 + 16 * 8]
	ldp	x18, x19, [sp, #TF_X0 + 18 * 8]
	ldp	x20, x21, [sp, #TF_X0 + 20 * 8]
	ldp	x22, x23, [sp, #TF_X0 + 22 * 8]
	ldp	x24, x25, [sp, #TF_X0 + 24 * 8]
	ldp	x26, x27, [sp, #TF_X0 + 26 * 8]
	ldp	x28, x29, [sp, #TF_X0 + 28 * 8]
	ldr	x30, [sp, #TF_X0 + 30 * 8]
	add	sp, sp, #TF_SIZE
	eret
