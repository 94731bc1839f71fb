/*
 * exceptions.S for aarch64: see x86_64/exceptions.S.  Exception numbers are
 * ESR_EL1.EC values.
 */
	.text
	.globl exc_illegal, exc_breakpoint, exc_unknown_syscall, exc_divide, exc_misaligned
exc_illegal:
	udf #0                  /* EC 0x00: unknown reason */
	ret
exc_breakpoint:
	brk #0                  /* EC 0x3c; ELR points at it */
	ret
exc_unknown_syscall:
	mov x8, #99             /* EC 0x15 (svc), no such call */
	svc #0
	ret
exc_divide:                     /* AArch64 integer division does not trap */
	ret
exc_misaligned:
	mov x1, sp
	add x1, x1, #1          /* an exclusive load must be aligned */
	ldxr x0, [x1]           /* EC 0x24: data abort, alignment fault */
	ret

	.section .rodata
	.globl exc_port
	.p2align 3
exc_port:
	.quad 37                /* words in the message */
	.quad 2                 /* MR of the SP */
	.quad 4                 /* MR of the exception number (EC) */
	.quad 0x00, 4           /* illegal instruction: number, bytes to skip */
	.quad 0x3c, 4           /* breakpoint */
	.quad 0x15, 0           /* unknown system call */
	.quad ~0, 0             /* divide by zero: no trap */
	.quad 0x24, 4           /* misaligned access */

	.section .note.GNU-stack, "", @progbits
