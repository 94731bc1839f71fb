/* asm-offsets.c - the layouts of the trap frame, the switch context and
 * what the IPC fast path reads of threads and spaces, for vectors.S,
 * switch.S and glue/aarch64/fastpath.S.  The build compiles this to
 * assembly and turns the markers into <asm-offsets.h>. */
#include "ipc_offsets.h"
#include "offsets.h"
#include "arch/frame.h"
#include "arch/thread.h"
#include "ipc.h"
#include "sched.h"
#include "space.h"
#include "tcb.h"
#include <l4/abi.h>

#define ADJACENT(type, a, b) \
	(offsetof(struct type, b) == offsetof(struct type, a) + sizeof(((struct type *)0)->a))

/* vectors.S saves these in pairs with stp. */
_Static_assert(ADJACENT(trap_frame, sp, tpidr), "sp and tpidr must be adjacent");
_Static_assert(ADJACENT(trap_frame, elr, spsr), "elr and spsr must be adjacent");
_Static_assert(ADJACENT(trap_frame, esr, far), "esr and far must be adjacent");
/* The kernel stack must stay 16-byte aligned (SCTLR_EL1.SA). */
_Static_assert(sizeof(struct trap_frame) % 16 == 0, "trap frame size");
/* switch.S saves x19-x28, then fp/lr, then sp, in pairs; the fast path
 * sets lr and sp with one stp. */
_Static_assert(offsetof(struct port_tcb, fp) == offsetof(struct port_tcb, x19) + 80 &&
	       ADJACENT(port_tcb, fp, lr) && ADJACENT(port_tcb, lr, sp), "port_tcb layout");

/* The fast path loads and stores these pairs of thread fields together. */
_Static_assert(ADJACENT(tcb, id, space), "id, space");
_Static_assert(ADJACENT(tcb, utcb_user, utcb), "utcb_user, utcb");
_Static_assert(ADJACENT(tcb, ready_next, ready_prev), "ready_next, ready_prev");
_Static_assert(ADJACENT(tcb, partner, rcv_spec), "partner, rcv_spec");
_Static_assert(ADJACENT(tcb, ipc_error, ipc_done) && ADJACENT(tcb, ipc_done, resume_user_ipc) &&
	       offsetof(struct tcb, timeout_at) == offsetof(struct tcb, ipc_done) + 8,
	       "ipc_error, then the word of ipc_done and resume_user_ipc, then timeout_at");
/* ... and compares the word state | prio << 32 | halted << 40 | started << 48
 * of two threads (TEST4 and TEST6 in one compare). */
_Static_assert(sizeof(enum thread_state) == 4 && ADJACENT(tcb, state, prio) &&
	       ADJACENT(tcb, prio, halted) && ADJACENT(tcb, halted, started) &&
	       offsetof(struct tcb, state) % 8 == 0 &&
	       offsetof(struct tcb, ready_next) == offsetof(struct tcb, state) + 8,
	       "state, prio, halted, started: one word");
_Static_assert(sizeof(bool) == 1 && PRIO_LEVELS == 256, "bytes");
_Static_assert(ADJACENT(port_space, root_pa, asid), "root_pa, asid");

void asm_offsets(void);

void asm_offsets(void)
{
	OFFSET(TF_X0, trap_frame, x);
	OFFSET(TF_SP, trap_frame, sp);
	OFFSET(TF_TPIDR, trap_frame, tpidr);
	OFFSET(TF_ELR, trap_frame, elr);
	OFFSET(TF_SPSR, trap_frame, spsr);
	OFFSET(TF_ESR, trap_frame, esr);
	OFFSET(TF_FAR, trap_frame, far);
	VALUE(TF_SIZE, sizeof(struct trap_frame));
	OFFSET(CTX_X19, port_tcb, x19);
	OFFSET(CTX_FP, port_tcb, fp);
	OFFSET(CTX_LR, port_tcb, lr);
	OFFSET(CTX_SP, port_tcb, sp);

	/* The IPC fast path (docs/fastpath.md). */
	ipc_offsets();                  /* the generic ones (ipc_offsets.h) */
	VALUE(UTCB_MR1, L4_UTCB_MR(1) * (int)sizeof(word_t));
	OFFSET(TCB_ARCH, tcb, arch);
	OFFSET(SPACE_PT, space, pt);
	OFFSET(PT_ROOT_PA, port_space, root_pa);
}
