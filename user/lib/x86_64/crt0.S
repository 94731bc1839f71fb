/*
 * crt0.S for x86_64: the entry point of every user program.
 *
 * The kernel starts the program at _start with the SP it chose (sigma0 and
 * the roottask get theirs from the KIP); we switch to our own stack in
 * .bss, which the kernel zero-filled when it loaded us, call main(), and
 * hand its result to exit(), which powers off (success = main returned 0).
 */
#ifndef PECAN_STACK_SIZE
#define PECAN_STACK_SIZE 0x8000
#endif

	.section .text.start, "ax"
	.globl	_start
	.type	_start, @function
_start:
	lea	__stack_top(%rip), %rsp	/* 16-byte aligned before the call */
	xor	%ebp, %ebp		/* the end of frame-pointer chains */
	call	main
	mov	%eax, %edi
	call	exit
1:	jmp	1b			/* exit does not return */
	.size	_start, . - _start

	.bss
	.balign	16
__stack_bottom:
	.space	PECAN_STACK_SIZE
__stack_top:

	.section .note.GNU-stack, "", @progbits
