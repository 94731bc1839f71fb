/*
 * switch.S - switching kernel stacks between threads, and the first
 * entry of a thread.
 *
 * A switched-out thread's callee-saved registers (n64: s0-s7, s8, gp, ra)
 * sit in a struct switch_frame on its own kernel stack, and its TCB keeps
 * only that stack pointer (struct port_tcb).  Everything else the C caller
 * of mips_switch already treats as clobbered.
 */
#include <asm-offsets.h>

	.set	noreorder

	.text
	/* void mips_switch(word_t *from_ksp, word_t to_ksp) */
	.globl	mips_switch
	.ent	mips_switch
mips_switch:
	daddiu	$sp, $sp, -SF_SIZE
	.irp	n, 0,1,2,3,4,5,6,7
	sd	$s\n, SF_S0 + \n * SF_WORD($sp)
	.endr
	sd	$s8, SF_S8($sp)
	sd	$gp, SF_GP($sp)
	sd	$ra, SF_RA($sp)
	sd	$sp, 0($a0)
	move	$sp, $a1
	.irp	n, 0,1,2,3,4,5,6,7
	ld	$s\n, SF_S0 + \n * SF_WORD($sp)
	.endr
	ld	$s8, SF_S8($sp)
	ld	$gp, SF_GP($sp)
	ld	$ra, SF_RA($sp)
	jr	$ra
	 daddiu	$sp, $sp, SF_SIZE
	.end	mips_switch

	/* A new thread's first switch returns here, with its entry in s0. */
	.globl	mips_thread_start
	.ent	mips_thread_start
mips_thread_start:
	jalr	$s0
	 nop
1:	b	1b                      /* entry never returns */
	 nop
	.end	mips_thread_start

	/* void mips_return_to_user(struct trap_frame *f) */
	.globl	mips_return_to_user
	.ent	mips_return_to_user
mips_return_to_user:
	j	mips_trap_return
	 move	$sp, $a0
	.end	mips_return_to_user
