/*
 * crt0.S for mips64 (n64, non-PIC): the entry point of every user program.
 *
 * The kernel starts the program at _start with the SP it chose (sigma0 and
 * the roottask get theirs from the KIP); we switch to our own stack in
 * .bss, which the kernel zero-filled when it loaded us, call main(), and
 * hand its result to exit(), which powers off (success = main returned 0).
 * Code is built -mno-abicalls -G0, so $gp needs no setting up.
 */
#ifndef PECAN_STACK_SIZE
#define PECAN_STACK_SIZE 0x8000
#endif

	.section .text.start, "ax"
	.globl	_start
	.type	_start, @function
	.ent	_start
_start:
	dla	$sp, __stack_top	/* 16-byte aligned, as n64 wants */
	move	$fp, $zero		/* the end of frame-pointer chains */
	jal	main
	move	$a0, $v0
	jal	exit
1:	b	1b			/* exit does not return */
	.end	_start
	.size	_start, . - _start

	.bss
	.balign	16
__stack_bottom:
	.space	PECAN_STACK_SIZE
__stack_top:

	.section .note.GNU-stack, "", @progbits
