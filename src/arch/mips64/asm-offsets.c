/* asm-offsets.c - trap and switch frame layouts for vectors.S and
 * switch.S; the build turns the VALUE() lines into <asm-offsets.h>.
 * Never compiled into the kernel. */
#include "context.h"
#include "offsets.h"
#include "trap_frame.h"

void asm_offsets(void);

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
}
