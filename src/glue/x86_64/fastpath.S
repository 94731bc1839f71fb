/*
 * fastpath.S - the x86_64 IPC fast path (docs/fastpath.md; as built, with
 * its costs: docs/ports/x86_64.md).
 *
 * syscall enters here (MSR_LSTAR) with interrupts off and DF clear
 * (MSR_FMASK), on the user's stack: rax = number, rcx = user rip, r11 =
 * user rflags; Ipc's arguments are rdi = to, rsi = FromSpecifier, rdx =
 * Timeouts, r10 = MR0 (docs/api.md).  Guard, then commit: TEST1 looks at
 * the registers as they came and sends anything else on to syscall_entry
 * untouched.  Then the registers the sender gets back from its frame go
 * there, and TEST2-TEST6 send a failure to fp_slow, which saves the rest
 * as syscall_entry would.  The commit cannot fail; it ends with sysret
 * into the destination.
 *
 * After the save: rsp = the sender's kernel stack top (its frame below
 * it), rbp = current (the sender), rbx = the destination, r9 = our space,
 * r8 = our global ID, edx = our priority.  rdi (to) and r10 (MR0) stay as
 * they came until the commit, for fp_slow.
 */
#include <asm-offsets.h>

#if PECAN_FASTPATH

/* A frame slot, from the kernel stack top (the frame is the top TF_SIZE
 * bytes; trap_frame.h keeps what the fast path moves within 128 of it). */
#define FR(slot) (TF_##slot - TF_SIZE)

	.text
/*
 * The ways out to the slow path, before the fast path (not in it, but
 * within a short jump of TEST1).  fp_slow: TEST2-TEST6 failed, after the
 * save; save the rest as syscall_entry would and go on to the slow path
 * with the complete frame.  rdi and r10 are as they came; rax was the
 * number (TEST1).
 */
	.p2align 6
fp_slow:
	movq $0x1b, FR(SS)(%rsp)
	movq $0x23, FR(CS)(%rsp)
	movq $0, FR(ERROR)(%rsp)
	movq $0x80, FR(VECTOR)(%rsp)
	movq $SYS_IPC, FR(RAX)(%rsp)
	movq %rdi, FR(RDI)(%rsp)
	movq %r10, FR(R10)(%rsp)
	movq FR(RIP)(%rsp), %rcx
	movq %rcx, FR(RCX)(%rsp)
	movq FR(RFLAGS)(%rsp), %r11
	movq %r11, FR(R11)(%rsp)
	subq $TF_SIZE, %rsp
	jmp syscall_dispatch

fp_not_ours:                    /* TEST1 failed: the slow path, registers as they came */
	jmp syscall_entry

	.p2align 6              /* the size target counts 64-byte lines */
	.globl x86_fastpath
	.type x86_fastpath, @function
x86_fastpath:
	/* TEST1: Ipc, no typed words, no flags.  x86_fastpath_sysno is ~0
	 * while the fast path is off or a preemption is pending (TEST6),
	 * else Ipc's number (x86_fastpath_sync(), glue/x86_64/thread.c). */
	cmpq x86_fastpath_sysno(%rip), %rax
	jne fp_not_ours
	testw $0xffc0, %r10w
	jnz fp_not_ours

	/* Save what the sender gets back from its frame, whichever path
	 * resumes it: rip, rflags and rsp (sysret or iret), and every
	 * register the ABI preserves.  Not rdi and r10 (results), nor rax,
	 * rcx, r11 (destroyed): port_frame_set_ipc_results() completes those
	 * if the slow path resumes it.  ss and cs hold the user selectors in
	 * every user frame already.  rax (the number, known) is free. */
	movq x86_tss+TSS_RSP0(%rip), %rax
	movq %rsp, FR(RSP)(%rax)
	movq %rax, %rsp
	movq %r11, FR(RFLAGS)(%rax)
	movq %rcx, FR(RIP)(%rax)
	movq %rbx, FR(RBX)(%rax)
	movq %rdx, FR(RDX)(%rax)
	movq %rsi, FR(RSI)(%rax)
	movq %rbp, FR(RBP)(%rax)
	movq %r8, FR(R8)(%rax)
	movq %r9, FR(R9)(%rax)
	movq %r12, FR(R12)(%rax)
	movq %r13, FR(R13)(%rax)
	movq %r14, FR(R14)(%rax)
	movq %r15, FR(R15)(%rax)

	/* TEST2: `to` is a global ID whose TCB exists with that version.
	 * The thread number is masked, not range-checked: a TCB's ID is a
	 * global ID with its own number, so the ID compare rejects numbers
	 * out of range, nil, local IDs and anythread alike.  And our space
	 * has no redirector (anythread), which might take the message. */
	movq %rdi, %rbx
	shlq $(32 - THREAD_BITS), %rbx          /* the number: bits 32 up, masked */
	shrq $(64 - THREAD_BITS), %rbx
	movq tcb_table(,%rbx,8), %rbx
	testq %rbx, %rbx
	jz fp_fail
	cmpq %rdi, TCB_ID(%rbx)
	jne fp_fail
	movq current(%rip), %rbp
	movq TCB_SPACE(%rbp), %r9
	cmpq $-1, SPACE_REDIRECTOR(%r9)
	jne fp_fail

	/* TEST3: a call (from = to) or a reply-and-wait (from = anythread),
	 * and the receive timeout is never. */
	cmpq %rdi, %rsi
	je 1f
	cmpq $-1, %rsi
	jne fp_fail
1:	testw %dx, %dx
	jnz fp_fail

	/* TEST4: the destination waits for us, in an Ipc system call, with
	 * no timeout pending.  (Not halted: tested with TEST6, in the same
	 * compare as the priority.) */
	cmpl $TS_RECV_WAIT, TCB_STATE(%rbx)
	jne fp_fail
	cmpb $0, TCB_RESUME_USER_IPC(%rbx)
	je fp_fail
	movq TCB_ID(%rbp), %r8
	cmpq %r8, TCB_PARTNER(%rbx)
	je 2f
	cmpq $-1, TCB_PARTNER(%rbx)
	jne fp_fail
2:	cmpq $0, TCB_TIMEOUT_AT(%rbx)
	jne fp_fail

	/* TEST5: a reply-and-wait finds nobody queued to send to us.  (The
	 * queue first: it is usually empty, for a call too.) */
	cmpq $0, TCB_SEND_QUEUE(%rbp)
	je 3f
	cmpq %rdi, %rsi
	jne fp_fail
3:
	/* TEST6: the destination has our priority.  prio and halted are
	 * adjacent bytes, and ours is not halted (we are running): one
	 * 16-bit compare is TEST6 and TEST4's "not halted".  edx = our
	 * priority from here.  (No preemption pending: TEST1's compare.) */
	movzwl TCB_PRIO(%rbp), %edx
	cmpw %dx, TCB_PRIO(%rbx)
	je fp_commit
fp_fail:                        /* within a short jump of every check */
	jmp fp_slow

	/* Out of line, where short jumps from the commit reach them: its
	 * less common cases. */
fp_same_space:                  /* from = our local ID; no space to switch */
	movq TCB_UTCB_USER(%rbp), %r8
	jmp 5f

fp_queue_others:                /* others at our priority: link the destination between them */
	movq TCB_READY_NEXT(%rbp), %rax
	movq TCB_READY_PREV(%rbp), %r11
	movq %rax, TCB_READY_NEXT(%rbx)
	movq %r11, TCB_READY_PREV(%rbx)
	movq %rbx, TCB_READY_NEXT(%r11)
	movq %rbx, TCB_READY_PREV(%rax)
	cmpq %rbp, ready_queue(,%rdx,8)
	je 7f                   /* we were the head: so is the destination */
	jmp 6f

	/* ---- Commit: nothing below fails.  The steps are numbered as in
	 * docs/fastpath.md; the order here suits the registers. ---- */
fp_commit:
	incq ipc_fastpath_count(%rip)

	/* 2. from (r8): our global ID, or our local ID in the same space,
	 * where there is no address space to switch either.
	 * 5. The destination's address space: its CR3 word has the no-flush
	 * bit unless its PCID is stale; then it gets it (as in mmu.c). */
	cmpq %r9, TCB_SPACE(%rbx)
	je fp_same_space
	movq TCB_SPACE(%rbx), %rax
	movq SPACE_CR3(%rax), %r11
	movq %r11, %cr3
	movq SPACE_CR3_KEPT(%rax), %r11
	movq %r11, SPACE_CR3(%rax)
5:
	/* 4. The destination takes our place in our priority's ready list
	 * (TEST6: the same list); we leave it (below).  We are in it: current
	 * always is while it runs.  Alone in it, we are its head too. */
	cmpq %rbp, TCB_READY_NEXT(%rbp)
	jne fp_queue_others
	movq %rbx, TCB_READY_NEXT(%rbx)
	movq %rbx, TCB_READY_PREV(%rbx)
7:	movq %rbx, ready_queue(,%rdx,8)
6:
	/* 3. We block in our receive phase: partner = `to` or anythread (our
	 * FromSpecifier, after TEST3); ipc_done = false and resume_user_ipc
	 * = true in one store; ipc_error and ErrorCode = 0 below.  rcv_spec
	 * is nil already: only a thread blocked in its send phase has another.
	 * Our kernel continuation is ipc_fastpath_resume(), on the stack that
	 * port_thread_init() would build: x86_switch_stacks() pops six
	 * registers and returns to it just below the frame. */
	movb $TS_RECV_WAIT, TCB_STATE(%rbp)     /* states fit the low byte */
	movq %rsi, TCB_PARTNER(%rbp)
	movw $0x100, TCB_IPC_DONE(%rbp)
	leaq -TF_SIZE-64(%rsp), %rax
	movq $ipc_fastpath_resume, 48(%rax)
	movq %rax, TCB_KSP(%rbp)

	/* 1. MR1..MRu, UTCB to UTCB: one rep movsq, a count per word.  MR0
	 * stays in r10. */
	movq TCB_UTCB(%rbp), %r11
	movl %r10d, %ecx
	andl $0x3f, %ecx
	jz 4f
	leaq 8(%r11), %rsi
	movq TCB_UTCB(%rbx), %rdi
	addq $8, %rdi
	rep movsq
4:	/* rcx = 0 from here on: the zero we store. */
	movq %rcx, TCB_IPC_ERROR(%rbp)
	movq %rcx, UTCB_ERROR_CODE(%r11)
	movq %rcx, TCB_READY_NEXT(%rbp)
	movq %rcx, TCB_READY_PREV(%rbp)

	/* 4. The destination runs: ready, and no longer in an Ipc. */
	movb $TS_READY, TCB_STATE(%rbx)
	movb %cl, TCB_RESUME_USER_IPC(%rbx)
	movq %rbx, current(%rip)

	/* 5. Its UTCB pointer (fs base; user addresses fit in 47 bits) and
	 * its kernel stack (for its traps and system calls). */
	movl $MSR_FS_BASE_, %ecx
	movl TCB_UTCB_USER(%rbx), %eax
	movl TCB_UTCB_USER+4(%rbx), %edx
	wrmsr
	leaq KTCB_SIZE(%rbx), %rcx
	movq %rcx, x86_tss+TSS_RSP0(%rip)

	/* 6. Into the destination's user mode with its own registers, but
	 * rdi = from and r10 = MR0; its kernel continuation is dropped.  rax
	 * (destroyed) holds the low half of its own UTCB pointer.  Its rip is
	 * canonical (port_frame_set_ip), so sysret cannot fault. */
	movq %r8, %rdi
	movq FR(RBX)(%rcx), %rbx
	movq FR(RBP)(%rcx), %rbp
	movq FR(RSI)(%rcx), %rsi
	movq FR(RDX)(%rcx), %rdx
	movq FR(R8)(%rcx), %r8
	movq FR(R9)(%rcx), %r9
	movq FR(R12)(%rcx), %r12
	movq FR(R13)(%rcx), %r13
	movq FR(R14)(%rcx), %r14
	movq FR(R15)(%rcx), %r15
	movq FR(RFLAGS)(%rcx), %r11
	movq FR(RSP)(%rcx), %rsp
	movq FR(RIP)(%rcx), %rcx
	sysretq
	.size x86_fastpath, . - x86_fastpath

	.data
	.globl x86_fastpath_sysno
x86_fastpath_sysno:     .quad -1        /* SYS_IPC while ipc_fastpath_on (thread.c) */

#endif /* PECAN_FASTPATH */

	.section .note.GNU-stack, "", @progbits
