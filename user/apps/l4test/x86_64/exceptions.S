/*
 * exceptions.S for x86_64: one function per exception that l4test's
 * exceptions section raises, and exc_port, the facts the test needs about
 * this port's exception message (docs/api.md).  Each function returns
 * normally once the handler has moved the IP past the faulting instruction.
 */
	.text
	.globl exc_illegal, exc_breakpoint, exc_unknown_syscall, exc_divide, exc_misaligned
exc_illegal:
	ud2                     /* vector 6, 2 bytes */
	ret
exc_breakpoint:
	int3                    /* vector 3; the saved IP is already past it */
	ret
exc_unknown_syscall:
	pushq %r12
	movl $99, %eax          /* no such system call: vector 0x80 in the message */
	syscall
	popq %r12
	ret
exc_divide:
	xorl %ecx, %ecx
	movl $1, %eax
	cltd
	idivl %ecx              /* vector 0, 2 bytes */
	ret
exc_misaligned:                 /* no alignment traps in use on x86_64 */
	ret

	.section .rodata
	.globl exc_port
	.p2align 3
exc_port:
	.quad 20                /* words in the message */
	.quad 17                /* MR of the SP */
	.quad 19                /* MR of the exception number */
	.quad 6, 2              /* illegal instruction: number, bytes to skip */
	.quad 3, 0              /* breakpoint */
	.quad 0x80, 0           /* unknown system call */
	.quad 0, 2              /* divide by zero */
	.quad ~0, 0             /* misaligned access: none */

	.section .note.GNU-stack, "", @progbits
