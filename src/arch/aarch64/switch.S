/*
 * switch.S - switching kernel stacks between threads, and the first
 * return to user mode.  See arch/thread.h.
 */
#include <asm-offsets.h>

	.text
/* void arm_context_switch(struct port_tcb *from, struct port_tcb *to)
 * Everything the AAPCS64 lets a call clobber is the caller's to lose, so
 * only x19-x30 and sp travel.  (User state, TPIDR_EL0 too, is in the user
 * frame: see vectors.S.) */
	.globl	arm_context_switch
arm_context_switch:
	stp	x19, x20, [x0, #CTX_X19]
	stp	x21, x22, [x0, #CTX_X19 + 16]
	stp	x23, x24, [x0, #CTX_X19 + 32]
	stp	x25, x26, [x0, #CTX_X19 + 48]
	stp	x27, x28, [x0, #CTX_X19 + 64]
	stp	x29, x30, [x0, #CTX_FP]
	mov	x9, sp
	str	x9, [x0, #CTX_SP]

	ldp	x19, x20, [x1, #CTX_X19]
	ldp	x21, x22, [x1, #CTX_X19 + 16]
	ldp	x23, x24, [x1, #CTX_X19 + 32]
	ldp	x25, x26, [x1, #CTX_X19 + 48]
	ldp	x27, x28, [x1, #CTX_X19 + 64]
	ldp	x29, x30, [x1, #CTX_FP]
	ldr	x9, [x1, #CTX_SP]
	mov	sp, x9
	ret

/* A new thread's first switch "returns" here (arm_context_init), with
 * x19 = its entry function. */
	.globl	arm_thread_start
arm_thread_start:
	mov	x29, xzr		/* the end of the frame-pointer chain */
	blr	x19
	bl	arm_thread_returned	/* entry must not return: panics */

/* void arm_return_to_user(struct trap_frame *f): f is the user frame at
 * the top of this thread's kernel stack, so after trap_return pops it
 * SP_EL1 is the stack top again, where the next trap from user mode lands. */
	.globl	arm_return_to_user
arm_return_to_user:
	mov	sp, x0
	b	trap_return
