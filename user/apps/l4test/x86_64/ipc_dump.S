/*
 * ipc_and_dump(to, from, timeouts, mr0, dump, seed) for x86_64: see
 * l4test.h.  An Ipc made as the stub makes it (number in rax, arguments in
 * rdi rsi rdx r10 r8 r9 r12, MR0 back to the UTCB from r10), with rbx rbp
 * r8 r9 r12-r15 loaded from seed[] first.  Afterwards dump[] gets, in this
 * order: rdi rsi rdx r10 r8 r9 r12 rbx rbp r13 r14 r15 rsp.  rax, rcx and
 * r11 are destroyed by the trap and not compared.
 */
	.text
	.globl ipc_and_dump
ipc_and_dump:
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	pushq %r8                       /* dump, found again after the call */
	movq %rcx, %r10                 /* MR0 */
	movq 0(%r9), %rbx
	movq 8(%r9), %rbp
	movq 16(%r9), %r13
	movq 24(%r9), %r14
	movq 32(%r9), %r15
	movq 40(%r9), %r12
	movq 56(%r9), %r8
	movq 48(%r9), %r9
	movl $1, %eax                   /* L4_SYS_IPC */
	syscall
	movq %r10, %fs:0                /* MR0 back to the UTCB, as the stub does */
	movq (%rsp), %rax
	movq %rdi, 0(%rax)
	movq %rsi, 8(%rax)
	movq %rdx, 16(%rax)
	movq %r10, 24(%rax)
	movq %r8, 32(%rax)
	movq %r9, 40(%rax)
	movq %r12, 48(%rax)
	movq %rbx, 56(%rax)
	movq %rbp, 64(%rax)
	movq %r13, 72(%rax)
	movq %r14, 80(%rax)
	movq %r15, 88(%rax)
	movq %rsp, 96(%rax)
	popq %r8
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	ret

	.section .note.GNU-stack, "", @progbits
