/*
 * switch.S - x86_64 kernel context switch.
 *
 * x86_switch_stacks(&from_sp, to_sp): push the callee-saved registers,
 * save the stack pointer, load the other thread's, pop its registers and
 * return on its stack.  A new thread's stack is built by port_thread_init
 * to look the same, with its entry function as the return address.
 */
	.text
	.globl x86_switch_stacks
x86_switch_stacks:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, (%rdi)
	movq %rsi, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret

	.section .note.GNU-stack, "", @progbits
