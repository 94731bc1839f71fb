/*
 * fastpath.S - the AArch64 IPC fast path (docs/fastpath.md, docs/ports/aarch64.md).
 *
 * The EL0 synchronous vector (arch/aarch64/vectors.S) has saved the user
 * frame at the top of our kernel stack, all but x0 (to), x3 (MR0) and x8
 * (the system call number), and comes here with interrupts masked and
 * sp = our kernel stack top (the frame is the TF_SIZE bytes below it).
 * Ipc's arguments are x0 = to, x1 = FromSpecifier, x2 = Timeouts,
 * x3 = MR0 (docs/api.md).
 *
 * Guard, then commit.  Every failed check goes to arm_el0_sync_slow with
 * x0, x3 and x8 as they came (the checks never write them), which saves
 * them and goes on to the slow path: the frame is then complete, exactly
 * as any other trap's.  The commit cannot fail; it ends in arm_eret_user
 * with sp = the destination's kernel stack top, x0 = from and x3 = MR0,
 * which loads the rest from the destination's user frame.  The
 * destination's kernel continuation is dropped.
 *
 * Registers once the checks have passed:
 *   x12 the destination, x14 its space, x22 its state word (below)
 *   x18 we (current: our TCB is the KTCB_SIZE block below our stack top)
 *   x19 our global ID, x20 our space, x23 our state word
 *   x26 = 0x100: ipc_done = false, resume_user_ipc = true, as a halfword
 *   x27 our UTCB pointer (our local ID), x28 our UTCB (kernel address)
 */
#include <asm-offsets.h>
#include "arch/frame.h"

#if PECAN_FASTPATH

/* ipc_done = false and resume_user_ipc = true, as the low bytes of a word
 * (little-endian).  TEST4 reads the whole word: the padding after them is
 * zero in every TCB. */
#define RESUME_WORD 0x100

	.text
	.balign	64			/* the size target counts cache lines */
	.globl	arm_ipc_fastpath
	.type	arm_ipc_fastpath, %function
arm_ipc_fastpath:
	/* svc #0 with x8 = Ipc, and the fast path may run: arm_fastpath_esr is
	 * the ESR of svc #0 while ipc_fastpath_on and no preemption is due,
	 * else ~0, which no exception has (arm_fastpath.h).
	 * TEST1: the tag (MR0) has no typed words and no flags (bits 6-15).
	 * In the same test, TEST3's receive timeout: never (Timeouts bits
	 * 0-15 = 0), with MR0's bits 6-15 moved to 54-63 beside it. */
	mrs	x9, esr_el1
	ldr	x10, arm_fastpath_esr
	orr	x11, x2, x3, lsl #48
	tst	x11, #0xffc000000000ffff
	ccmp	x9, x10, #0, eq
	ccmp	x8, #SYS_IPC, #0, eq
	b.ne	arm_el0_sync_slow

	/* TEST2: `to` is a global ID whose TCB exists with exactly that
	 * version, and our space has no redirector (anythread).  The thread
	 * number is masked, not range-checked: a TCB's ID is a global ID with
	 * its own number, so the ID compare (with TEST3's, below) rejects
	 * numbers out of range, nil, local IDs and anythread. */
	ldr	x10, =tcb_table
	ubfx	x11, x0, #32, #THREAD_BITS
	ldr	x12, [x10, x11, lsl #3]
	cbz	x12, arm_el0_sync_slow
	ldp	x13, x14, [x12, #TCB_ID]		/* its ID and space */
	sub	x18, sp, #KTCB_SIZE			/* we */
	ldp	x19, x20, [x18, #TCB_ID]		/* our ID and space */
	ldr	x15, [x20, #SPACE_REDIRECTOR]

	/* TEST3: a call (FromSpecifier = to) or a reply-and-wait (anythread);
	 * the receive timeout is never (tested with TEST1). */
	cmp	x1, x0
	ccmn	x1, #1, #4, ne			/* eq: from = to, or from = -1 */
	ccmp	x13, x0, #0, eq			/* TEST2: the TCB is `to`'s */
	ccmn	x15, #1, #0, eq			/* TEST2: no redirector */
	b.ne	arm_el0_sync_slow

	/* TEST4: the destination waits for us: partner = our global ID or
	 * anythread; state TS_RECV_WAIT and not halted; blocked in an Ipc
	 * system call (resume_user_ipc) with ipc_done still false; no timeout
	 * pending.  The state word is state | prio << 32 | halted << 40 |
	 * started << 48 (asm-offsets.c checks the layout).  Ours, as we run,
	 * is TS_READY, not halted, started; so the destination's must be ours
	 * plus TS_RECV_WAIT - TS_READY, which is also TEST6.  (Both started
	 * and the padding byte, zero in every TCB, must be equal too: a thread
	 * blocked in Ipc has started.) */
	ldr	x21, [x12, #TCB_PARTNER]
	ldr	x22, [x12, #TCB_STATE]
	ldr	x23, [x18, #TCB_STATE]
	ldp	x24, x25, [x12, #TCB_IPC_DONE]	/* ipc_done, resume_user_ipc; timeout_at */
	mov	x26, #RESUME_WORD
	add	x9, x23, #(TS_RECV_WAIT - TS_READY)
	cmp	x21, x19
	ccmn	x21, #1, #4, ne			/* eq: partner = us, or anythread */
	ccmp	x22, x9, #0, eq			/* TS_RECV_WAIT, not halted, our prio */
	ccmp	x24, x26, #0, eq		/* in Ipc, not completed */
	ccmp	x25, #0, #0, eq			/* no timeout */
	b.ne	arm_el0_sync_slow

	/* TEST5: a reply-and-wait finds nobody queued to send to us. */
	ldr	x9, [x18, #TCB_SEND_QUEUE]
	cbz	x9, 1f
	cmp	x1, x0
	b.ne	arm_el0_sync_slow
1:
	/* TEST6: the destination has our priority: the prio byte of TEST4's
	 * state word compare. */

	/* ---- Commit: nothing below fails. ---- */
	adrp	x9, ipc_fastpath_count
	ldr	x10, [x9, :lo12:ipc_fastpath_count]
	add	x10, x10, #1
	str	x10, [x9, :lo12:ipc_fastpath_count]

	/* 1. MR1..MRu, UTCB to UTCB (out of line); MR0 stays in x3. */
	ldp	x27, x28, [x18, #TCB_UTCB_USER]
	ands	x9, x3, #0x3f
	b.ne	fp_copy
2:
	/* 3. We block in our receive phase: TS_RECV_WAIT (the destination's
	 * state word), partner = `to` or anythread (our FromSpecifier, after
	 * TEST3), rcv_spec = nil, ipc_error = 0 and ErrorCode = 0 as ipc()
	 * starts, ipc_done = false, resume_user_ipc = true.  Our user frame is
	 * complete but for x0, x3 (results) and x8 (destroyed).  Our kernel
	 * continuation is ipc_fastpath_resume(): our saved kernel sp = 0 says
	 * so, and port_thread_switch() to us lays out that call below our user
	 * frame, as port_thread_init() does for a new thread (thread.c). */
	stur	xzr, [x28, #UTCB_ERROR_CODE]
	str	w22, [x18, #TCB_STATE]
	stp	x1, xzr, [x18, #TCB_PARTNER]
	str	xzr, [x18, #TCB_IPC_ERROR]
	strh	w26, [x18, #TCB_IPC_DONE]
	str	xzr, [x18, #TCB_ARCH + CTX_SP]

	/* 4. The destination takes our place in our priority's ready list
	 * (TEST6: the same list), TS_READY, resume_user_ipc = false; we leave
	 * the list; current = the destination.  We are in it: current always
	 * is while it runs.  Alone, we are its head too. */
	ldr	x9, [x18, #TCB_READY_NEXT]
	cmp	x9, x18
	b.ne	fp_queue_others
	stp	x12, x12, [x12, #TCB_READY_NEXT]
	ldr	x10, =ready_queue
	ldrb	w11, [x18, #TCB_PRIO]
	str	x12, [x10, x11, lsl #3]
3:	stp	xzr, xzr, [x18, #TCB_READY_NEXT]
	str	w23, [x12, #TCB_STATE]
	strb	wzr, [x12, #TCB_RESUME_USER_IPC]
	ldr	x9, =current
	str	x12, [x9]

	/* 5. The destination's UTCB pointer and kernel stack (TPIDR_EL0 is
	 * in its user frame). */
	ldr	x9, [x12, #TCB_UTCB_USER]
	msr	tpidrro_el0, x9
	add	sp, x12, #KTCB_SIZE

	/* 2. from: our local ID if we share the destination's space (and
	 * then there is no space to switch), else our global ID. */
	cmp	x20, x14
	csel	x0, x27, x19, eq

	/* 6. Into the destination's user mode: x0 = from, x3 = MR0. */
	b.eq	arm_eret_user

	/* 5. Another space: TTBR0 = its table and ASID, as
	 * port_space_activate() does, unless its ASID is from an older
	 * generation (or it has none yet): then port_space_activate() itself.
	 * No isb: eret synchronizes, and the kernel does not touch user
	 * memory before it. */
#if SPACE_PT == 0
#define DPT x14				/* its struct port_space */
#else
#define DPT x9
	add	x9, x14, #SPACE_PT
#endif
	ldp	x10, x11, [DPT, #PT_ROOT_PA]	/* root_pa, asid */
	ldr	x13, arm_asid_generation
	eor	x13, x13, x11
	tst	x13, #0xffffffffffff0000
	b.ne	fp_new_asid
	orr	x10, x10, x11, lsl #48
	msr	ttbr0_el1, x10
	adrp	x10, arm_active_space
	str	DPT, [x10, :lo12:arm_active_space]
	b	arm_eret_user			/* 6. */

/*
 * Out of line: the less common parts of the commit.
 */

/* 1. MR1..MRu (x9 = u, 1-63): 1, 2 and 4 words as u's low bits say, then
 * 8 words a turn in 10 instructions. */
fp_copy:
	ldr	x10, [x12, #TCB_UTCB]
	add	x11, x28, #UTCB_MR1
	add	x10, x10, #UTCB_MR1
	tbz	x9, #0, 4f
	ldr	x13, [x11], #8
	str	x13, [x10], #8
4:	tbz	x9, #1, 5f
	ldp	x13, x15, [x11], #16
	stp	x13, x15, [x10], #16
5:	tbz	x9, #2, 6f
	ldp	x13, x15, [x11], #16
	ldp	x16, x17, [x11], #16
	stp	x13, x15, [x10], #16
	stp	x16, x17, [x10], #16
6:	lsr	x9, x9, #3
	cbz	x9, 2b
7:	ldp	x4, x5, [x11], #16
	ldp	x6, x7, [x11], #16
	ldp	x13, x15, [x11], #16
	ldp	x16, x17, [x11], #16
	stp	x4, x5, [x10], #16
	stp	x6, x7, [x10], #16
	stp	x13, x15, [x10], #16
	stp	x16, x17, [x10], #16
	subs	x9, x9, #1
	b.ne	7b
	b	2b

/* 4. Others are ready at our priority (x9 = our next): link the
 * destination in between, and make it the head if we were. */
fp_queue_others:
	ldr	x10, [x18, #TCB_READY_PREV]
	stp	x9, x10, [x12, #TCB_READY_NEXT]
	str	x12, [x10, #TCB_READY_NEXT]
	str	x12, [x9, #TCB_READY_PREV]
	ldr	x10, =ready_queue
	ldrb	w11, [x18, #TCB_PRIO]
	add	x10, x10, x11, lsl #3
	ldr	x11, [x10]
	cmp	x11, x18
	b.ne	3b
	str	x12, [x10]
	b	3b

/* 5. The destination's space needs a new ASID (DPT = its struct
 * port_space): port_space_activate(), on the destination's kernel stack
 * below its user frame.  x0 and x3 are the results; x8 must not return a
 * kernel value: it is Ipc's number, as it came. */
fp_new_asid:
	sub	sp, sp, #(TF_SIZE + 16)
	stp	x0, x3, [sp]
	mov	x0, DPT
	bl	port_space_activate
	ldp	x0, x3, [sp]
	mov	x8, #SYS_IPC
	add	sp, sp, #(TF_SIZE + 16)
	b	arm_eret_user			/* 6. */
	.size	arm_ipc_fastpath, . - arm_ipc_fastpath
	.ltorg

#endif /* PECAN_FASTPATH */

	.section .note.GNU-stack, "", @progbits
