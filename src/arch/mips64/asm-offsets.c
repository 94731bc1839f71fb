/* asm-offsets.c - trap and switch frame layouts for vectors.S and
 * switch.S, the per-CPU block (context.h), and the thread fields the IPC fast path (glue/mips64/
 * fastpath.S) reads and writes; the build turns the VALUE() lines into
 * <asm-offsets.h>.  Never compiled into the kernel. */
#include "context.h"
#include "ipc_offsets.h"
#include "offsets.h"
#include "tcb.h"
#include "trap_frame.h"
#include <l4/abi.h>

void asm_offsets(void);

/* The fast path loads and stores these fields with fixed widths. */
#define FIELD_SIZE(f) sizeof(((struct tcb *)0)->f)
_Static_assert(sizeof(enum thread_state) == 4, "state: lw/sw");
_Static_assert(FIELD_SIZE(prio) == 1 && FIELD_SIZE(halted) == 1 &&
	       offsetof(struct tcb, halted) == offsetof(struct tcb, prio) + 1 &&
	       offsetof(struct tcb, prio) % 2 == 0,
	       "prio and halted: one big-endian halfword, prio << 8 | halted");
_Static_assert(FIELD_SIZE(ipc_done) == 1 && FIELD_SIZE(resume_user_ipc) == 1 &&
	       offsetof(struct tcb, resume_user_ipc) == offsetof(struct tcb, ipc_done) + 1 &&
	       offsetof(struct tcb, ipc_done) % 2 == 0,
	       "ipc_done and resume_user_ipc: one big-endian halfword");
_Static_assert(FIELD_SIZE(timeout_at) == 8 && FIELD_SIZE(partner) == 8, "ld/sd");
_Static_assert(offsetof(struct space, pt) == 0, "a space_t * is its struct port_space *");

void asm_offsets(void)
{
	VALUE(TF_SIZE, sizeof(struct trap_frame));
	VALUE(TF_WORD, sizeof(word_t));
	OFFSET(TF_REGS, trap_frame, r);
	OFFSET(TF_HI, trap_frame, hi);
	OFFSET(TF_LO, trap_frame, lo);
	OFFSET(TF_STATUS, trap_frame, status);
	OFFSET(TF_CAUSE, trap_frame, cause);
	OFFSET(TF_EPC, trap_frame, epc);
	OFFSET(TF_BADVADDR, trap_frame, badvaddr);

	VALUE(SF_SIZE, sizeof(struct switch_frame));
	VALUE(SF_WORD, sizeof(word_t));
	OFFSET(SF_S0, switch_frame, s);
	OFFSET(SF_S8, switch_frame, s8);
	OFFSET(SF_GP, switch_frame, gp);
	OFFSET(SF_RA, switch_frame, ra);

	/* The IPC fast path (docs/fastpath.md) */
	ipc_offsets();                  /* the generic ones (ipc_offsets.h) */
	OFFSET(TCB_KSP, tcb, arch.ksp);
	OFFSET(SPACE_ROOT, port_space, root);
	OFFSET(CPU_KSTACK_TOP, mips_cpu, kstack_top);
	OFFSET(CPU_UTCB, mips_cpu, utcb);
	OFFSET(CPU_PT_ROOT, mips_cpu, pt_root);
	OFFSET(CPU_ASID_LAST, mips_cpu, asid_last);
	OFFSET(CPU_USERLOCAL, mips_cpu, userlocal);
	OFFSET(SPACE_ASID, port_space, asid);
}
