/*
 * vectors.S - the exception vector table and the trap entry and exit.
 *
 * Every trap saves a full struct trap_frame (arch/frame.h) on the kernel
 * stack and calls trap_dispatch(kind, frame) in the glue; whatever the
 * dispatcher leaves in the frame (ELR, SPSR, registers) is what eret
 * resumes.  The offsets come from the generated <asm-offsets.h>.
 *
 * A synchronous exception from EL0 (svc, aborts, ...) saves the user's
 * registers in its own vector slot, straight into the thread's user frame
 * at the top of its kernel stack (SP_EL1 is that top while the thread is
 * in user mode), and with the fast path built in goes to arm_ipc_fastpath
 * (glue/aarch64/fastpath.S) before anything else.  Every return to user
 * mode, the fast path's too, ends in arm_eret_user.
 */
#include <asm-offsets.h>
#include "arch/frame.h"
#include "arch/sysreg.h"

/* A slot of the user frame, from the kernel stack top. */
#define FR(off) ((off) - TF_SIZE)

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
	/* VEC_EL0_64 | VEC_SYNC: the user frame, all but x0, x3 and x8 (the
	 * fast path keeps them in registers: to, MR0 and the system call
	 * number), which arm_el0_sync_slow adds. */
	.balign	0x80
	stp	x1, x2, [sp, #FR(TF_X0 + 1 * 8)]
	stp	x4, x5, [sp, #FR(TF_X0 + 4 * 8)]
	stp	x6, x7, [sp, #FR(TF_X0 + 6 * 8)]
	stp	x9, x10, [sp, #FR(TF_X0 + 9 * 8)]
	stp	x11, x12, [sp, #FR(TF_X0 + 11 * 8)]
	stp	x13, x14, [sp, #FR(TF_X0 + 13 * 8)]
	stp	x15, x16, [sp, #FR(TF_X0 + 15 * 8)]
	stp	x17, x18, [sp, #FR(TF_X0 + 17 * 8)]
	stp	x19, x20, [sp, #FR(TF_X0 + 19 * 8)]
	stp	x21, x22, [sp, #FR(TF_X0 + 21 * 8)]
	stp	x23, x24, [sp, #FR(TF_X0 + 23 * 8)]
	stp	x25, x26, [sp, #FR(TF_X0 + 25 * 8)]
	stp	x27, x28, [sp, #FR(TF_X0 + 27 * 8)]
	stp	x29, x30, [sp, #FR(TF_X0 + 29 * 8)]
	mrs	x9, sp_el0
	mrs	x10, tpidr_el0
	stp	x9, x10, [sp, #FR(TF_SP)]
	mrs	x11, elr_el1
	mrs	x12, spsr_el1
	stp	x11, x12, [sp, #FR(TF_ELR)]
#if PECAN_FASTPATH
	b	arm_ipc_fastpath
#else
	b	arm_el0_sync_slow
#endif
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
	 * above this frame.  TPIDR_EL0 is the user's in either case. */
	add	x24, sp, #TF_SIZE
	mrs	x25, tpidr_el0
	tst	x21, #SPSR_EL_MASK
	b.ne	1f
	mrs	x24, sp_el0
1:	stp	x24, x25, [sp, #TF_SP]
	b	trap_call

/*
 * The rest of a synchronous exception from EL0, when the fast path does
 * not take it (or is not built in): the vector slot saved all of the user
 * frame but x0, x3 and x8, which are still as the user left them; sp is
 * still the kernel stack top.
 */
	.globl	arm_el0_sync_slow
arm_el0_sync_slow:
	sub	sp, sp, #TF_SIZE
	str	x0, [sp, #TF_X0]
	str	x3, [sp, #TF_X0 + 3 * 8]
	str	x8, [sp, #TF_X0 + 8 * 8]
	mrs	x22, esr_el1
	mrs	x23, far_el1
	stp	x22, x23, [sp, #TF_ESR]
	mov	x0, #(VEC_EL0_64 | VEC_SYNC)

trap_call:
	mov	x1, sp
	bl	trap_dispatch		/* (kind, frame) */

	.globl	trap_return
trap_return:
	/* ELR and SPSR must survive until eret: no interrupt in between
	 * (the kernel may have idled with IRQs on before coming back here). */
	msr	daifset, #0xf
	ldr	x21, [sp, #TF_SPSR]
	tst	x21, #SPSR_EL_MASK
	b.ne	trap_return_el1
	ldr	x0, [sp, #TF_X0]
	ldr	x3, [sp, #TF_X0 + 3 * 8]
	ldr	x8, [sp, #TF_X0 + 8 * 8]
	add	sp, sp, #TF_SIZE

/*
 * Into user mode: sp is the thread's kernel stack top, its user frame just
 * below; x0 and x3 (Ipc's results) and x8 are already loaded.  x8 is the
 * one register a trap destroys (docs/api.md): the frame of a thread that
 * the fast path blocked has its own older x8, and the fast path leaves the
 * destination its partner's, Ipc's number; it never holds a kernel value.
 * Interrupts are masked.  The IPC fast path ends here too.
 */
	.globl	arm_eret_user
arm_eret_user:
	ldp	x9, x10, [sp, #FR(TF_SP)]
	ldp	x11, x12, [sp, #FR(TF_ELR)]
	msr	sp_el0, x9
	msr	tpidr_el0, x10
	msr	elr_el1, x11
	msr	spsr_el1, x12
	ldp	x1, x2, [sp, #FR(TF_X0 + 1 * 8)]
	ldp	x4, x5, [sp, #FR(TF_X0 + 4 * 8)]
	ldp	x6, x7, [sp, #FR(TF_X0 + 6 * 8)]
	ldp	x9, x10, [sp, #FR(TF_X0 + 9 * 8)]
	ldp	x11, x12, [sp, #FR(TF_X0 + 11 * 8)]
	ldp	x13, x14, [sp, #FR(TF_X0 + 13 * 8)]
	ldp	x15, x16, [sp, #FR(TF_X0 + 15 * 8)]
	ldp	x17, x18, [sp, #FR(TF_X0 + 17 * 8)]
	ldp	x19, x20, [sp, #FR(TF_X0 + 19 * 8)]
	ldp	x21, x22, [sp, #FR(TF_X0 + 21 * 8)]
	ldp	x23, x24, [sp, #FR(TF_X0 + 23 * 8)]
	ldp	x25, x26, [sp, #FR(TF_X0 + 25 * 8)]
	ldp	x27, x28, [sp, #FR(TF_X0 + 27 * 8)]
	ldp	x29, x30, [sp, #FR(TF_X0 + 29 * 8)]
	eret

/* Back into the kernel (a trap taken in EL1): sp is what it was. */
trap_return_el1:
	ldr	x20, [sp, #TF_ELR]
	msr	elr_el1, x20
	msr	spsr_el1, x21
	ldp	x0, x1, [sp, #TF_X0]
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

	.section .note.GNU-stack, "", @progbits
