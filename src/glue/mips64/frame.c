/*
 * frame.c - the trap frame as the L4 core sees a thread's user registers.
 *
 * MIPS has no user-visible flags register (the condition state lives in
 * general registers), so FLAGS reads as 0 and writes are ignored.
 */
#include "port.h"

word_t port_frame_sp(const struct trap_frame *f)
{
	return f->r[29];
}

word_t port_frame_flags(const struct trap_frame *f)
{
	(void)f;
	return 0;
}

void port_frame_set_ip(struct trap_frame *f, word_t ip)
{
	f->epc = ip;
}

void port_frame_set_sp(struct trap_frame *f, word_t sp)
{
	f->r[29] = sp;
}

void port_frame_set_flags(struct trap_frame *f, word_t flags)
{
	(void)f;
	(void)flags;
}
