/* asm-offsets.c - the trap frame's layout, for vectors.S.  The build
 * compiles this to assembly and turns the markers into <asm-offsets.h>. */
#include "offsets.h"
#include "arch/frame.h"

/* vectors.S saves these in pairs with stp. */
_Static_assert(offsetof(struct trap_frame, spsr) == offsetof(struct trap_frame, elr) + 8,
	       "elr and spsr must be adjacent");
_Static_assert(offsetof(struct trap_frame, far) == offsetof(struct trap_frame, esr) + 8,
	       "esr and far must be adjacent");
/* The kernel stack must stay 16-byte aligned (SCTLR_EL1.SA). */
_Static_assert(sizeof(struct trap_frame) % 16 == 0, "trap frame size");

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
}
