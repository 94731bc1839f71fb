/*
 * ipc_and_dump(to, from, timeouts, mr0, dump, seed) for aarch64: see
 * l4test.h.  An Ipc made as the stub makes it (svc #0, number in x8,
 * arguments in x0-x6, MR0 in x3 and stored back to the UTCB at
 * [TPIDRRO_EL0] afterwards).  Before the call every other general register
 * is loaded from seed[], in this order:
 *
 *     seed[0..3] = x4 x5 x6 x7,  seed[4..25] = x9 x10 ... x30
 *
 * After it, dump[] gets, in this order (31 words):
 *
 *     dump[0..7] = x0 ... x7,  dump[8..29] = x9 ... x30,  dump[30] = sp
 *
 * x8 is destroyed by the trap (docs/api.md) and not compared.  No register
 * holds the dump pointer across the call: every register is first stored
 * sp-relative in this function's frame, then copied to dump[].
 */
#define SAVE    0               /* x19-x30 and x18 of our caller, and dump */
#define REGS    112             /* the 31 words as the Ipc left them */
#define FRAME   (REGS + 32 * 8)

	.text
	.globl	ipc_and_dump
	.type	ipc_and_dump, %function
ipc_and_dump:
	sub	sp, sp, #FRAME
	stp	x19, x20, [sp, #SAVE + 0]
	stp	x21, x22, [sp, #SAVE + 16]
	stp	x23, x24, [sp, #SAVE + 32]
	stp	x25, x26, [sp, #SAVE + 48]
	stp	x27, x28, [sp, #SAVE + 64]
	stp	x29, x30, [sp, #SAVE + 80]
	stp	x18, x4, [sp, #SAVE + 96]	/* x4: dump, found again after the call */

	ldp	x6, x7, [x5, #2 * 8]
	ldp	x9, x10, [x5, #4 * 8]
	ldp	x11, x12, [x5, #6 * 8]
	ldp	x13, x14, [x5, #8 * 8]
	ldp	x15, x16, [x5, #10 * 8]
	ldp	x17, x18, [x5, #12 * 8]
	ldp	x19, x20, [x5, #14 * 8]
	ldp	x21, x22, [x5, #16 * 8]
	ldp	x23, x24, [x5, #18 * 8]
	ldp	x25, x26, [x5, #20 * 8]
	ldp	x27, x28, [x5, #22 * 8]
	ldp	x29, x30, [x5, #24 * 8]
	ldr	x4, [x5, #0]
	ldr	x5, [x5, #8]			/* the seed pointer goes last */
	mov	x8, #1				/* L4_SYS_IPC */
	svc	#0

	stp	x0, x1, [sp, #REGS + 0 * 8]
	stp	x2, x3, [sp, #REGS + 2 * 8]
	stp	x4, x5, [sp, #REGS + 4 * 8]
	stp	x6, x7, [sp, #REGS + 6 * 8]
	stp	x9, x10, [sp, #REGS + 8 * 8]
	stp	x11, x12, [sp, #REGS + 10 * 8]
	stp	x13, x14, [sp, #REGS + 12 * 8]
	stp	x15, x16, [sp, #REGS + 14 * 8]
	stp	x17, x18, [sp, #REGS + 16 * 8]
	stp	x19, x20, [sp, #REGS + 18 * 8]
	stp	x21, x22, [sp, #REGS + 20 * 8]
	stp	x23, x24, [sp, #REGS + 22 * 8]
	stp	x25, x26, [sp, #REGS + 24 * 8]
	stp	x27, x28, [sp, #REGS + 26 * 8]
	stp	x29, x30, [sp, #REGS + 28 * 8]
	mov	x9, sp
	str	x9, [sp, #REGS + 30 * 8]
	mrs	x9, tpidrro_el0
	str	x3, [x9]			/* MR0 back to the UTCB, as the stub does */

	ldr	x4, [sp, #SAVE + 104]		/* dump */
	add	x9, sp, #REGS
	mov	x10, #31
1:	ldr	x11, [x9], #8
	str	x11, [x4], #8
	subs	x10, x10, #1
	b.ne	1b

	ldp	x19, x20, [sp, #SAVE + 0]
	ldp	x21, x22, [sp, #SAVE + 16]
	ldp	x23, x24, [sp, #SAVE + 32]
	ldp	x25, x26, [sp, #SAVE + 48]
	ldp	x27, x28, [sp, #SAVE + 64]
	ldp	x29, x30, [sp, #SAVE + 80]
	ldr	x18, [sp, #SAVE + 96]
	add	sp, sp, #FRAME
	ret
	.size	ipc_and_dump, . - ipc_and_dump

	.section .note.GNU-stack, "", @progbits
