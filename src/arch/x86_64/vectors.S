/*
 * vectors.S - x86_64 trap entry and exit.
 *
 * Each of the 48 vectors we use (32 exceptions, 16 i8259 lines) has a stub
 * that makes the stack look the same: an error code (the CPU's, or 0) and
 * the vector number.  trap_common then saves the general registers in the
 * order of struct trap_frame and calls x86_trap() in glue/x86_64/trap.c.
 */
#include <asm-offsets.h>

#define NUM_VECTORS 48

/* Exceptions for which the CPU pushes an error code. */
#define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

/* The general registers, in struct trap_frame's order (lowest last). */
	.macro save_registers
	pushq %rbx
	pushq %rdx
	pushq %rsi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	pushq %rax
	pushq %rcx
	pushq %rdi
	pushq %r10
	pushq %r11
	.endm

	.text
	.globl trap_vectors
	.p2align 4
trap_vectors_start:
	.set v, 0
	.rept NUM_VECTORS
	.p2align 4              /* 16 bytes a stub: trap_vectors below relies on it */
	.if HAS_ERROR(v) == 0
	pushq $0
	.endif
	pushq $v
	jmp trap_common
	.set v, v + 1
	.endr

trap_common:
	save_registers
	movq %rsp, %rdi         /* the trap frame */
	cld
	call x86_trap
	.globl trap_return
trap_return:                    /* also the way into a thread's user frame */
	popq %r11
	popq %r10
	popq %rdi
	popq %rcx
	popq %rax
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r9
	popq %r8
	popq %rbp
	popq %rsi
	popq %rdx
	popq %rbx
	addq $16, %rsp          /* vector and error code */
	iretq

/*
 * syscall: the CPU saved the user rip in rcx and rflags in r11, and did
 * not switch stacks.  Build the same frame a trap would (vector 0x80 marks
 * it), so that one exit path and one frame layout serve both.  The kernel
 * stack is the TSS's rsp0, the one traps from user mode get.  With the
 * fast path built in, syscall enters at x86_fastpath (glue/x86_64/
 * fastpath.S), which comes here with every register as the CPU left it
 * for what it does not take, or to syscall_dispatch with the frame
 * already saved.
 */
	.globl syscall_entry
syscall_entry:
	movq %rsp, x86_user_rsp(%rip)
	movq x86_tss+TSS_RSP0(%rip), %rsp
	pushq $0x1b             /* ss: SEL_UDATA | 3 */
	pushq x86_user_rsp(%rip)
	pushq %r11              /* rflags */
	pushq $0x23             /* cs: SEL_UCODE | 3 */
	pushq %rcx              /* rip */
	pushq $0                /* error code */
	pushq $0x80             /* vector: a system call */
	save_registers
	.globl syscall_dispatch
syscall_dispatch:               /* rsp: the complete frame */
	movq %rsp, %rdi
	cld
	call x86_syscall
	jmp trap_return

	.data
x86_user_rsp:           .quad 0         /* scratch for syscall_entry (interrupts are off) */

	/* The stubs' addresses, for the IDT. */
	.section .rodata
	.p2align 3
trap_vectors:
	.set v, 0
	.rept NUM_VECTORS
	.quad trap_vectors_start + v * 16
	.set v, v + 1
	.endr

	.section .note.GNU-stack, "", @progbits
