/*
 * exception.c - the aarch64 exception message (docs/api.md), u = 37:
 *   MR1 PC (ELR), MR2 SP, MR3 flags (PSTATE: NZCV), MR4 exception class
 *   (ESR.EC), MR5 ESR, MR6 FAR, MR7-MR37 x0-x30.
 */
#include "port.h"

#define EXC_WORDS 37

unsigned port_exception_message(const struct trap_frame *f, word_t *mr)
{
	mr[0] = f->elr;
	mr[1] = f->sp;
	mr[2] = port_frame_flags(f);
	mr[3] = (f->esr >> 26) & 0x3f;
	mr[4] = f->esr;
	mr[5] = f->far;
	for (unsigned i = 0; i < 31; i++)
		mr[6 + i] = f->x[i];
	return EXC_WORDS;
}

/* PC, SP, the flags (filtered) and x0-x30; the class, ESR and FAR are not
 * registers and are ignored. */
void port_exception_reply(struct trap_frame *f, const word_t *mr, unsigned n)
{
	if (n > 0)
		f->elr = mr[0];
	if (n > 1)
		f->sp = mr[1];
	if (n > 2)
		port_frame_set_flags(f, mr[2]);
	for (unsigned i = 6; i < n && i < EXC_WORDS; i++)
		f->x[i - 6] = mr[i];
}
