/*
 * fastpath.S - the mips64 IPC fast path (docs/fastpath.md): a call or a
 * reply-and-wait with untyped words only, to a partner that waits for it.
 *
 * Entered from the syscall entry in vectors.S (mips_syscall_save) with:
 *   - EXL still set (interrupts off, and eret will return to user mode);
 *   - sp = the caller's user frame at the top of its kernel stack, holding
 *     every general register of the caller but v0, a0 and a3 (and zero,
 *     k0, k1: r[0] is 0, k0/k1 are the kernel's); hi, lo, EPC and the other
 *     CP0 registers are still live, untouched;
 *   - k0 = 0, t2 = v0 - SYS_IPC (computed in the entry's delay slot).
 * So every general register but v0, a0 and a3 is free here, and those
 * three stay untouched until the checks have passed.  A failed check goes
 * to `slow`: trap_save_va (vectors.S) stores v0, a0, a3 and the rest of
 * the frame and calls mips_trap(), the system call's usual way, with all
 * user registers intact in the frame.  The commit cannot fail; it ends in
 * mips_trap_return_ipc, which loads the destination's registers from its
 * frame but v0, a0 and a3: v0 is Ipc's number (1) in both threads, a0 and
 * a3 are the results, set here.  EXL stays set throughout: no TLB-mapped
 * address is touched (TCBs and UTCBs through their kernel views).
 *
 * A fast-path-blocked thread's frame lacks v0, a0 and a3 of that Ipc:
 * they are dead.  Whoever completes its IPC writes a0 and a3 (the fast
 * path in registers, ipc_fastpath_resume() in the frame), and v0 is
 * destroyed by the ABI (its frame keeps an older value of its own).
 *
 * The Ipc ABI (docs/api.md): v0 = number; a0 = to, a1 = FromSpecifier,
 * a2 = Timeouts, a3 = MR0; results a0 = from, a3 = MR0, every other
 * register as the destination left it.
 *
 * Registers while the fast path runs:
 *   t0 = current (the caller), t1 = the destination, v1 = our global ID,
 *   s1 = our space (TEST2 on), s2 = its space (TEST3 on),
 *   t9 = 0 for a reply-and-wait (TEST3 to TEST5),
 *   a4 = our UTCB, a5 = its UTCB (kernel views; the UTCB pointer is MR0),
 *   t8 = our priority << 8 (TEST5 on), s0 = %hi(current),
 *   s3 = %hi(mips_cpu), t2 t3 = scratch;
 *   the MR copy: a6 a7 t9 v1 at.
 */
#include <asm-offsets.h>
#include "cp0.h"

	.set	noreorder
	.set	noat

#if PECAN_FASTPATH
	.text
	.balign	64                              /* 117 instructions: 8 cache lines */
	.globl	mips_fastpath
	.type	mips_fastpath, @function
	.ent	mips_fastpath
mips_fastpath:
	/* The system call is Ipc (t2 = v0 - SYS_IPC, from the entry), and the
	 * fast path is switched on. */
	bnez	$t2, slow
	 lui	$t3, %hi(ipc_fastpath_on)
	lbu	$t3, %lo(ipc_fastpath_on)($t3)
	beqz	$t3, slow

	/* TEST1: MR0 (a3) has no typed words (t, bits 6-11) and no flags
	 * (bits 12-15). */
	 andi	$t2, $a3, 0xffc0
	bnez	$t2, slow

	/* TEST2: `to` (a0) is a global ID whose TCB exists with exactly that
	 * version.  Its thread number (bits 32 up) indexes tcb_table; a number
	 * past the table wraps onto some entry, whose ID then differs.  Nil,
	 * anythread and local IDs never equal a TCB's (global) ID.  And our
	 * space has no redirector (anythread). */
	 dsrl	$t2, $a0, 32 - 3
	andi	$t2, $t2, ((1 << THREAD_BITS) - 1) << 3
	lui	$t3, %hi(tcb_table)
	daddu	$t3, $t3, $t2
	ld	$t1, %lo(tcb_table)($t3)
	beqz	$t1, slow
	 lui	$s0, %hi(current)
	ld	$t2, TCB_ID($t1)
	bne	$t2, $a0, slow
	 ld	$t0, %lo(current)($s0)
	ld	$s1, TCB_SPACE($t0)
	ld	$t2, SPACE_REDIRECTOR($s1)
	daddiu	$t2, $t2, 1             /* anythread + 1 = 0 */
	bnez	$t2, slow

	/* TEST3: FromSpecifier (a1) is `to` (a call) or anythread (a
	 * reply-and-wait), and the receive timeout (Timeouts bits 0-15) is
	 * never. */
	 andi	$t3, $a2, 0xffff
	beq	$a1, $a0, 1f
	 daddiu	$t9, $a1, 1             /* anythread + 1 = 0: t9 = 0 for an open wait */
	bnez	$t9, slow
1:	 ld	$s2, TCB_SPACE($t1)     /* (both ways: a delay slot, or the target) */
	bnez	$t3, slow

	/* TEST4: the destination waits for us: TS_RECV_WAIT, blocked in an
	 * Ipc system call (resume_user_ipc), for our global ID or anythread,
	 * with no timeout pending, and not halted (below, with TEST6). */
	 lw	$t2, TCB_STATE($t1)
	xori	$t2, $t2, TS_RECV_WAIT
	bnez	$t2, slow
	 lbu	$t2, TCB_RESUME_USER_IPC($t1)
	beqz	$t2, slow
	 ld	$t2, TCB_PARTNER($t1)
	ld	$v1, TCB_ID($t0)
	beq	$t2, $v1, 2f
	 daddiu	$t2, $t2, 1             /* anythread + 1 = 0 */
	bnez	$t2, slow
2:	 ld	$t2, TCB_TIMEOUT_AT($t1)
	bnez	$t2, slow

	/* TEST5: a reply-and-wait (an open wait) needs an empty send queue:
	 * else a queued sender would complete our receive at once. */
	 ld	$t2, TCB_SEND_QUEUE($t0)
	bnez	$t9, 3f                 /* a call: its closed wait is for `to` */
	 lhu	$t8, TCB_PRIO($t0)      /* prio << 8 | halted (0: we run) */
	bnez	$t2, slow
3:	 lhu	$t3, TCB_PRIO($t1)

	/* TEST6: the destination has our priority: it takes our place in the
	 * ready queue, and the ready bitmap stays right.  prio and halted are
	 * adjacent bytes, and we are not halted: one halfword compare also
	 * makes TEST4's "not halted".  And no preemption is pending
	 * (need_resched, sched_preempt_pending()). */
	bne	$t8, $t3, slow
	 lui	$t2, %hi(need_resched)
	lbu	$t2, %lo(need_resched)($t2)
	bnez	$t2, slow
	 ld	$a4, TCB_UTCB($t0)

	/*
	 * Commit.
	 * 1. MR1..MRu from our UTCB to the destination's (out of line, below);
	 *    MR0 travels in a3, and goes into its UTCB too, as the slow path
	 *    leaves it.
	 */
	ld	$a5, TCB_UTCB($t1)
	andi	$t2, $a3, 0x3f
	bnez	$t2, copy_mrs
	 sd	$a3, 0($a5)
mrs_copied:
	/* 2. The destination's results: from (a0) is our local ID (our UTCB
	 *    pointer) if we share its space, else our global ID; MR0 is a3. */
	bne	$s1, $s2, 4f
	 move	$a0, $v1
	ld	$t2, TCB_UTCB_USER($t0)
	movn	$a0, $t2, $t2
4:
	/* 3. We block in our receive phase, our user frame complete (hi, lo
	 *    and EPC past the syscall join the registers; the frame's Status
	 *    is already a user one: only IM differs, which the return takes
	 *    live), with ipc_fastpath_resume() as our kernel continuation:
	 *    arch.ksp = 0 tells port_thread_switch (thread.c) to lay out a
	 *    switch frame below our user frame that "returns" into it, as
	 *    port_thread_init lays out a new thread.  (Our UTCB's MR0 is
	 *    left alone: whoever ends this IPC writes it before we read it.) */
	li	$t2, TS_RECV_WAIT
	sw	$t2, TCB_STATE($t0)
	sd	$a1, TCB_PARTNER($t0)           /* `to` (global) or anythread */
	sd	$zero, TCB_RCV_SPEC($t0)
	sd	$zero, TCB_IPC_ERROR($t0)
	li	$t2, 1
	sh	$t2, TCB_IPC_DONE($t0)          /* ipc_done = 0, resume_user_ipc = 1 */
	sd	$zero, UTCB_ERROR_CODE($a4)
	dmfc0	$t2, C0_EPC
	daddiu	$t2, $t2, 4
	sd	$t2, TF_EPC($sp)
	mfhi	$t2
	sd	$t2, TF_HI($sp)
	mflo	$t2
	sd	$t2, TF_LO($sp)
	sd	$zero, TCB_KSP($t0)

	/* 4. The destination takes our place in our priority's circular
	 *    ready list (ready_next/prev), and in ready_queue[prio] if we were
	 *    its head; it is current now. */
	li	$t2, TS_READY
	sw	$t2, TCB_STATE($t1)
	sb	$zero, TCB_RESUME_USER_IPC($t1)
	ld	$t2, TCB_READY_NEXT($t0)
	ld	$t3, TCB_READY_PREV($t0)
	sd	$t1, TCB_READY_PREV($t2)
	sd	$t1, TCB_READY_NEXT($t3)
	ld	$t2, TCB_READY_NEXT($t0)        /* again: alone, we pointed at ourselves */
	ld	$t3, TCB_READY_PREV($t0)
	sd	$t2, TCB_READY_NEXT($t1)
	sd	$t3, TCB_READY_PREV($t1)
	sd	$zero, TCB_READY_NEXT($t0)      /* not queued (ready_prev is not read then) */
	dsrl	$t8, $t8, 8 - 3                 /* prio * 8 */
	lui	$t3, %hi(ready_queue)
	daddu	$t3, $t3, $t8
	ld	$t2, %lo(ready_queue)($t3)
	xor	$t9, $t2, $t0
	movz	$t2, $t1, $t9
	sd	$t2, %lo(ready_queue)($t3)
	sd	$t1, %lo(current)($s0)
	lui	$t3, %hi(ipc_fastpath_count)
	ld	$t2, %lo(ipc_fastpath_count)($t3)
	daddiu	$t2, $t2, 1
	sd	$t2, %lo(ipc_fastpath_count)($t3)

	/* 5. Its address space (only if it differs: tagged TLB entries stay),
	 *    as port_space_activate does; its UTCB pointer and kernel stack. */
	beq	$s1, $s2, 5f
	 lui	$s3, %hi(mips_cpu)
	ld	$t2, SPACE_ASID($s2)
	ld	$t3, %lo(mips_cpu + CPU_ASID_LAST)($s3)
	xor	$t3, $t3, $t2
	dsrl	$t3, $t3, 8
	bnez	$t3, new_asid                   /* an old generation: see below */
	 ld	$t3, SPACE_ROOT($s2)
	sd	$t3, %lo(mips_cpu + CPU_PT_ROOT)($s3)
	andi	$t2, $t2, 0xff
	dmtc0	$t2, C0_ENTRYHI                 /* eret orders it before user fetches */
5:	ld	$t2, TCB_UTCB_USER($t1)
	ld	$t3, %lo(mips_cpu + CPU_USERLOCAL)($s3)
	bnez	$t3, userlocal
	 sd	$t2, %lo(mips_cpu + CPU_UTCB)($s3)
6:	daddiu	$t2, $t1, KTCB_SIZE
	sd	$t2, %lo(mips_cpu + CPU_KSTACK_TOP)($s3)

	/* 6. Return to the destination's user mode through its frame, with
	 *    from and MR0 in a0 and a3; its kernel continuation is dropped. */
	daddiu	$sp, $t2, -TF_SIZE
	ld	$t2, TF_EPC($sp)
	j	mips_trap_return_ipc
	 dmtc0	$t2, C0_EPC
	.end	mips_fastpath
	.size	mips_fastpath, . - mips_fastpath

	/*
	 * MR1..MRu, u = 1..63 (t2): an unrolled block of 8 ld/sd pairs,
	 * entered part way for u mod 8 words, then whole blocks; 2 loads and
	 * stores a word plus 3 instructions a block.  Each pair is 8 bytes of
	 * code and copies 8 bytes, so the entry is the block's end minus
	 * (u mod 8) * 8.
	 */
	.globl	mips_fastpath_mrs
	.type	mips_fastpath_mrs, @function
	.ent	mips_fastpath_mrs
mips_fastpath_mrs:
copy_mrs:
	dsll	$t2, $t2, 3
	andi	$t3, $t2, 7 << 3
	daddu	$a6, $a4, $t2
	daddiu	$a6, $a6, 8                     /* our end: one past MRu */
	daddu	$a7, $a4, $t3
	daddiu	$a7, $a7, -56                   /* our block base: MR1 at the entry pair */
	daddu	$t9, $a5, $t3
	lui	$v1, %hi(mr_block_end)
	daddiu	$v1, $v1, %lo(mr_block_end)
	dsubu	$v1, $v1, $t3
	jr	$v1
	 daddiu	$t9, $t9, -56                   /* its block base */
mr_block:
	.irp	i, 0,1,2,3,4,5,6,7
	ld	$1, \i * 8($a7)
	sd	$1, \i * 8($t9)
	.endr
mr_block_end:
	daddiu	$a7, $a7, 64
	bne	$a7, $a6, mr_block
	 daddiu	$t9, $t9, 64
	b	mrs_copied
	 ld	$v1, TCB_ID($t0)                /* our global ID again */
	.end	mips_fastpath_mrs
	.size	mips_fastpath_mrs, . - mips_fastpath_mrs

	/* The rare ways out of the fast path (not timed). */
	.globl	mips_fastpath_cold
	.type	mips_fastpath_cold, @function
	.ent	mips_fastpath_cold
mips_fastpath_cold:

	/* The CPU has UserLocal: user mode reads its UTCB pointer there. */
userlocal:
	b	6b
	 dmtc0	$t2, $4, 2

	/*
	 * The destination's space has an ASID of an old generation (after a
	 * rollover): port_space_activate hands out a new one, and may flush
	 * the TLB.  Every user register is in a frame by now, so C may run,
	 * on our kernel stack below our frame (EXL still set: it only touches
	 * the TLB and unmapped memory).
	 */
new_asid:
	move	$s4, $t0
	move	$s5, $t1
	move	$s6, $a0
	move	$s7, $a3
	jal	port_space_activate
	 move	$a0, $s2
	move	$t0, $s4
	move	$t1, $s5
	move	$a0, $s6
	move	$a3, $s7
	b	5b
	 li	$v0, SYS_IPC                    /* what the destination gets in v0 */

	/* A check failed: the system call's usual way, all user registers
	 * intact in the frame. */
slow:
	lui	$k0, %hi(mips_trap)
	j	trap_save_va
	 daddiu	$k0, $k0, %lo(mips_trap)
	.end	mips_fastpath_cold
	.size	mips_fastpath_cold, . - mips_fastpath_cold
#endif
