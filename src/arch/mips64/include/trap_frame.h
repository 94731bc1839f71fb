/*
 * trap_frame.h - what the MIPS64 trap entry (vectors.S) saves on the
 * kernel stack: every general register, hi/lo, and the CP0 registers that
 * describe the trap.  .S files get the offsets from <asm-offsets.h>.
 */
#ifndef PECAN_TRAP_FRAME_H
#define PECAN_TRAP_FRAME_H

#include "types.h"

struct trap_frame {
	/* General registers, by number.  r[0] reads 0; r[29] is the sp at
	 * the trap.  k0 (r[26]) holds the vector's handler address and k1
	 * whatever it was: both belong to the trap code, not the program. */
	word_t r[32];
	word_t hi, lo;
	/* CP0 at the trap */
	word_t status;          /* EXL is set: the trap's own level */
	word_t cause;
	word_t epc;             /* where to resume (the branch, if Cause.BD) */
	word_t badvaddr;        /* the faulting address, for address and TLB traps */
};

#endif
