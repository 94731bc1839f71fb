/*
 * exceptions.S for mips64: see x86_64/exceptions.S.  Exception numbers are
 * Cause.ExcCode values.
 */
	.set noreorder
	.text
	.globl exc_illegal, exc_breakpoint, exc_unknown_syscall, exc_divide, exc_misaligned
exc_illegal:
	.word 0x0000000e        /* SPECIAL function 14: reserved, RI (10) */
	jr $ra
	nop
exc_breakpoint:
	break                   /* Bp (9); EPC points at it */
	jr $ra
	nop
exc_unknown_syscall:
	li $2, 99               /* Sys (8), no such call */
	syscall
	jr $ra
	nop
exc_divide:
	teq $0, $0, 7           /* what GCC emits for a division by zero: Tr (13) */
	jr $ra
	nop
exc_misaligned:
	daddiu $3, $sp, 1
	ld $2, 0($3)            /* AdEL (4) */
	jr $ra
	nop

	.section .rodata
	.globl exc_port
	.p2align 3
exc_port:
	.quad 39                /* words in the message */
	.quad 2                 /* MR of the SP */
	.quad 4                 /* MR of the exception number (ExcCode) */
	.quad 10, 4             /* illegal instruction: number, bytes to skip */
	.quad 9, 4              /* breakpoint */
	.quad 8, 0              /* unknown system call */
	.quad 13, 4             /* divide by zero (the compiler's trap) */
	.quad 4, 4              /* misaligned access */

	.section .note.GNU-stack, "", @progbits
