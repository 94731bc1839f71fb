/*
 * ipc_and_dump(to, from, timeouts, mr0, dump, seed) for mips64 (n64): see
 * l4test.h.  An Ipc made as the stub makes it (syscall, number in v0,
 * arguments in a0-a6, MR0 in a3 and stored back to the UTCB at
 * [rdhwr $29] afterwards).  Before the call every other general register
 * but zero, v0 (the number), k0/k1 (the kernel's) and sp is loaded from
 * seed[], and so are hi and lo, in this order:
 *
 *     seed[0..3]   = a4 a5 a6 a7         seed[4..7]   = t0 t1 t2 t3
 *     seed[8..15]  = s0 ... s7           seed[16..17] = t8 t9
 *     seed[18..20] = gp s8 ra            seed[21..22] = at v1
 *     seed[23..24] = hi lo
 *
 * (ra too: this function keeps its own return address in its frame.)
 * After it, dump[] gets, in this order (30 words):
 *
 *     dump[0..7]   = a0 ... a7           dump[8..9]   = at v1
 *     dump[10..13] = t0 t1 t2 t3         dump[14..21] = s0 ... s7
 *     dump[22..23] = t8 t9               dump[24..26] = gp s8 ra
 *     dump[27..28] = hi lo               dump[29]     = sp
 *
 * v0 is destroyed by the trap (docs/api.md) and k0/k1 belong to the
 * kernel: neither is compared.  No register holds the dump pointer across
 * the call: t9 is parked in this function's frame, takes the pointer, and
 * is stored last.
 */
	.set	noreorder
	.set	noat

#define SAVE    0               /* s0-s7, s8, gp, ra of our caller */
#define DUMP    (11 * 8)        /* the dump pointer */
#define UTCB    (12 * 8)        /* our UTCB pointer, read before the call */
#define T9      (13 * 8)        /* t9 as the Ipc left it */
#define FRAME   (14 * 8)        /* 112: a multiple of 16, as n64 wants */

	.text
	.globl	ipc_and_dump
	.type	ipc_and_dump, @function
	.ent	ipc_and_dump
ipc_and_dump:
	daddiu	$sp, $sp, -FRAME
	sd	$s0, SAVE + 0 * 8($sp)
	sd	$s1, SAVE + 1 * 8($sp)
	sd	$s2, SAVE + 2 * 8($sp)
	sd	$s3, SAVE + 3 * 8($sp)
	sd	$s4, SAVE + 4 * 8($sp)
	sd	$s5, SAVE + 5 * 8($sp)
	sd	$s6, SAVE + 6 * 8($sp)
	sd	$s7, SAVE + 7 * 8($sp)
	sd	$s8, SAVE + 8 * 8($sp)
	sd	$gp, SAVE + 9 * 8($sp)
	sd	$ra, SAVE + 10 * 8($sp)
	sd	$a4, DUMP($sp)
	rdhwr	$3, $29                 /* the UTCB pointer, into v1 */
	sd	$v1, UTCB($sp)

	ld	$t0, 23 * 8($a5)
	mthi	$t0
	ld	$t0, 24 * 8($a5)
	mtlo	$t0
	ld	$a6, 2 * 8($a5)
	ld	$a7, 3 * 8($a5)
	ld	$t0, 4 * 8($a5)
	ld	$t1, 5 * 8($a5)
	ld	$t2, 6 * 8($a5)
	ld	$t3, 7 * 8($a5)
	ld	$s0, 8 * 8($a5)
	ld	$s1, 9 * 8($a5)
	ld	$s2, 10 * 8($a5)
	ld	$s3, 11 * 8($a5)
	ld	$s4, 12 * 8($a5)
	ld	$s5, 13 * 8($a5)
	ld	$s6, 14 * 8($a5)
	ld	$s7, 15 * 8($a5)
	ld	$t8, 16 * 8($a5)
	ld	$t9, 17 * 8($a5)
	ld	$gp, 18 * 8($a5)
	ld	$s8, 19 * 8($a5)
	ld	$ra, 20 * 8($a5)
	ld	$1, 21 * 8($a5)         /* at */
	ld	$v1, 22 * 8($a5)
	ld	$a4, 0 * 8($a5)
	ld	$a5, 1 * 8($a5)         /* the seed pointer goes last */
	li	$v0, 1                  /* L4_SYS_IPC */
	syscall

	sd	$t9, T9($sp)
	ld	$t9, DUMP($sp)
	sd	$a0, 0 * 8($t9)
	sd	$a1, 1 * 8($t9)
	sd	$a2, 2 * 8($t9)
	sd	$a3, 3 * 8($t9)
	sd	$a4, 4 * 8($t9)
	sd	$a5, 5 * 8($t9)
	sd	$a6, 6 * 8($t9)
	sd	$a7, 7 * 8($t9)
	sd	$1, 8 * 8($t9)          /* at */
	sd	$v1, 9 * 8($t9)
	sd	$t0, 10 * 8($t9)
	sd	$t1, 11 * 8($t9)
	sd	$t2, 12 * 8($t9)
	sd	$t3, 13 * 8($t9)
	sd	$s0, 14 * 8($t9)
	sd	$s1, 15 * 8($t9)
	sd	$s2, 16 * 8($t9)
	sd	$s3, 17 * 8($t9)
	sd	$s4, 18 * 8($t9)
	sd	$s5, 19 * 8($t9)
	sd	$s6, 20 * 8($t9)
	sd	$s7, 21 * 8($t9)
	sd	$t8, 22 * 8($t9)
	sd	$gp, 24 * 8($t9)
	sd	$s8, 25 * 8($t9)
	sd	$ra, 26 * 8($t9)
	mfhi	$t0
	sd	$t0, 27 * 8($t9)
	mflo	$t0
	sd	$t0, 28 * 8($t9)
	sd	$sp, 29 * 8($t9)
	ld	$t0, T9($sp)
	sd	$t0, 23 * 8($t9)
	ld	$t0, UTCB($sp)
	sd	$a3, 0($t0)             /* MR0 back to the UTCB, as the stub does */

	ld	$s0, SAVE + 0 * 8($sp)
	ld	$s1, SAVE + 1 * 8($sp)
	ld	$s2, SAVE + 2 * 8($sp)
	ld	$s3, SAVE + 3 * 8($sp)
	ld	$s4, SAVE + 4 * 8($sp)
	ld	$s5, SAVE + 5 * 8($sp)
	ld	$s6, SAVE + 6 * 8($sp)
	ld	$s7, SAVE + 7 * 8($sp)
	ld	$s8, SAVE + 8 * 8($sp)
	ld	$gp, SAVE + 9 * 8($sp)
	ld	$ra, SAVE + 10 * 8($sp)
	jr	$ra
	 daddiu	$sp, $sp, FRAME
	.end	ipc_and_dump
	.size	ipc_and_dump, . - ipc_and_dump

	.section .note.GNU-stack, "", @progbits
