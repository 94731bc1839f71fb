/* asm-offsets.c - trap frame layout for vectors.S; the build turns the
 * VALUE() lines into <asm-offsets.h>.  Never compiled into the kernel. */
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
}
