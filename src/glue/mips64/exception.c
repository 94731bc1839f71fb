/*
 * exception.c - the mips64 exception message (docs/api.md), u = 39:
 *   MR1 EPC, MR2 SP, MR3 flags (0: MIPS has none), MR4 exception code
 *   (Cause.ExcCode), MR5 Cause, MR6 BadVAddr, MR7-MR37 r1-r31, MR38 hi,
 *   MR39 lo.
 */
#include "port.h"

#define EXC_WORDS 39

unsigned port_exception_message(const struct trap_frame *f, word_t *mr)
{
	mr[0] = f->epc;
	mr[1] = f->r[29];
	mr[2] = 0;
	mr[3] = (f->cause >> 2) & 0x1f;
	mr[4] = f->cause;
	mr[5] = f->badvaddr;
	for (unsigned i = 1; i < 32; i++)
		mr[5 + i] = f->r[i];
	mr[37] = f->hi;
	mr[38] = f->lo;
	return EXC_WORDS;
}

/* EPC, SP (from MR2: MR35 is ignored), the general registers and hi/lo;
 * k0/k1 belong to the kernel. */
void port_exception_reply(struct trap_frame *f, const word_t *mr, unsigned n)
{
	for (unsigned r = 1; r < 32 && 6 + r <= n; r++)        /* r is in MR(6 + r) */
		if (r != 26 && r != 27 && r != 29)
			f->r[r] = mr[5 + r];
	if (n > 0)
		f->epc = mr[0];
	if (n > 1)
		f->r[29] = mr[1];
	if (n > 37)
		f->hi = mr[37];
	if (n > 38)
		f->lo = mr[38];
}
