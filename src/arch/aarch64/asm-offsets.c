/* asm-offsets.c - the layouts of the trap frame and the switch context,
 * for vectors.S and switch.S.  The build compiles this to assembly and
 * turns the markers into <asm-offsets.h>. */
#include "offsets.h"
#include "arch/frame.h"
#include "arch/thread.h"

/* vectors.S saves these in pairs with stp. */
_Static_assert(offsetof(struct trap_frame, spsr) == offsetof(struct trap_frame, elr) + 8,
	       "elr and spsr must be adjacent");
_Static_assert(offsetof(struct trap_frame, far) == offsetof(struct trap_frame, esr) + 8,
	       "esr and far must be adjacent");
/* The kernel stack must stay 16-byte aligned (SCTLR_EL1.SA). */
_Static_assert(sizeof(struct trap_frame) % 16 == 0, "trap frame size");
/* switch.S saves x19-x28, then fp/lr, then sp, in pairs. */
_Static_assert(offsetof(struct port_tcb, fp) == offsetof(struct port_tcb, x19) + 80 &&
	       offsetof(struct port_tcb, lr) == offsetof(struct port_tcb, fp) + 8 &&
	       offsetof(struct port_tcb, tpidr_el0) == offsetof(struct port_tcb, sp) + 8,
	       "port_tcb layout");

void asm_offsets(void);

void asm_offsets(void)
{
	OFFSET(TF_X0, trap_frame, x);
	OFFSET(TF_SP, trap_frame, sp);
	OFFSET(TF_ELR, trap_frame, elr);
	OFFSET(TF_SPSR, trap_frame, spsr);
	OFFSET(TF_ESR, trap_frame, esr);
	OFFSET(TF_FAR, trap_frame, far);
	VALUE(TF_SIZE, sizeof(struct trap_frame));
	OFFSET(CTX_X19, port_tcb, x19);
	OFFSET(CTX_FP, port_tcb, fp);
	OFFSET(CTX_SP, port_tcb, sp);
}
