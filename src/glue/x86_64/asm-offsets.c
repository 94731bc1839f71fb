/* asm-offsets.c - what x86_64's assembly (vectors.S, fastpath.S) needs to
 * know about C structures: the trap frame, the TCB, the space and the TSS.
 * The build compiles this to assembly and turns the markers into
 * <asm-offsets.h> (cmake/kernel.cmake); nothing here is kept by hand. */
#include "ipc_offsets.h"
#include "offsets.h"
#include "cpu.h"
#include "sched.h"
#include "space.h"
#include "tcb.h"
#include "x86.h"
#include <l4/abi.h>

/* The fast path writes ipc_done and resume_user_ipc with one 16-bit store,
 * and tests halted together with prio (TEST4 and TEST6) in one compare. */
_Static_assert(offsetof(struct tcb, resume_user_ipc) == offsetof(struct tcb, ipc_done) + 1,
	       "ipc_done, resume_user_ipc adjacent");
_Static_assert(offsetof(struct tcb, halted) == offsetof(struct tcb, prio) + 1,
	       "prio, halted adjacent");
_Static_assert(sizeof(((struct tcb *)0)->state) == 4, "state is 32 bits");
_Static_assert(PRIO_LEVELS <= 256, "prio is a byte");
/* The fast path picks the TCB with the ID's bits 32 to 32 + THREAD_BITS - 1,
 * and stores the state's low byte only. */
_Static_assert(MAX_THREADS == 1u << THREAD_BITS, "tcb_table has 2^THREAD_BITS entries");
_Static_assert(TS_DEAD < 256, "thread states fit a byte");

void asm_offsets(void);

void asm_offsets(void)
{
	/* The trap frame (trap_frame.h) and where it sits on the kernel stack. */
	OFFSET(TF_R15, trap_frame, r15);
	OFFSET(TF_R14, trap_frame, r14);
	OFFSET(TF_R13, trap_frame, r13);
	OFFSET(TF_R12, trap_frame, r12);
	OFFSET(TF_R11, trap_frame, r11);
	OFFSET(TF_R10, trap_frame, r10);
	OFFSET(TF_R9, trap_frame, r9);
	OFFSET(TF_R8, trap_frame, r8);
	OFFSET(TF_RBP, trap_frame, rbp);
	OFFSET(TF_RDI, trap_frame, rdi);
	OFFSET(TF_RSI, trap_frame, rsi);
	OFFSET(TF_RDX, trap_frame, rdx);
	OFFSET(TF_RCX, trap_frame, rcx);
	OFFSET(TF_RBX, trap_frame, rbx);
	OFFSET(TF_RAX, trap_frame, rax);
	OFFSET(TF_VECTOR, trap_frame, vector);
	OFFSET(TF_ERROR, trap_frame, error);
	OFFSET(TF_RIP, trap_frame, rip);
	OFFSET(TF_CS, trap_frame, cs);
	OFFSET(TF_RFLAGS, trap_frame, rflags);
	OFFSET(TF_RSP, trap_frame, rsp);
	OFFSET(TF_SS, trap_frame, ss);
	VALUE(TF_SIZE, sizeof(struct trap_frame));
	ipc_offsets();                  /* the generic ones (ipc_offsets.h) */

	/* The TCB. */
	OFFSET(TCB_KSP, tcb, arch.ksp);

	/* The space: the CR3 value its next activation loads, and the one
	 * after that (port_inline.h). */
	OFFSET(SPACE_CR3, space, pt.cr3);
	OFFSET(SPACE_CR3_KEPT, space, pt.cr3_kept);

	/* The TSS's ring-0 stack: the running thread's kernel stack top. */
	OFFSET(TSS_RSP0, x86_tss, rsp[0]);

	VALUE(MSR_FS_BASE_, (int)MSR_FS_BASE);    /* negative: for movl only */

	/* The ABI (include/l4/abi.h). */
}
