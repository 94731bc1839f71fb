/*
 * exception.c - the x86_64 exception message (docs/api.md): Pistachio's
 * amd64 layout, with the error code inside the message (u = 20).
 *   MR1 RIP, MR2 RBX, MR3 R10, MR4-MR7 R12-R15, MR8 RAX, MR9 RCX, MR10 RDX,
 *   MR11 RSI, MR12 RDI, MR13 RBP, MR14 R8, MR15 R9, MR16 R11, MR17 RSP,
 *   MR18 RFLAGS, MR19 exception number (the vector; 0x80: a system call
 *   the kernel does not know), MR20 error code.
 */
#include "port.h"

#define EXC_WORDS 20

/* Where each message word lives in the frame (MR1 first). */
static word_t *slot(struct trap_frame *f, unsigned i)
{
	word_t *const slots[EXC_WORDS] = {
		&f->rip, &f->rbx, &f->r10, &f->r12, &f->r13, &f->r14, &f->r15,
		&f->rax, &f->rcx, &f->rdx, &f->rsi, &f->rdi, &f->rbp, &f->r8, &f->r9,
		&f->r11, &f->rsp, &f->rflags, &f->vector, &f->error,
	};
	return slots[i];
}

unsigned port_exception_message(const struct trap_frame *f, word_t *mr)
{
	for (unsigned i = 0; i < EXC_WORDS; i++)
		mr[i] = *slot((struct trap_frame *)f, i);
	return EXC_WORDS;
}

/* Everything but the flags (filtered), the number and the error code.
 * The IP goes through port_frame_set_ip(), which keeps it canonical: iret
 * and sysret fault in kernel mode on any other. */
void port_exception_reply(struct trap_frame *f, const word_t *mr, unsigned n)
{
	for (unsigned i = 0; i < n && i < 17; i++)
		*slot(f, i) = mr[i];
	if (n > 0)
		port_frame_set_ip(f, mr[0]);
	if (n > 17)
		port_frame_set_flags(f, mr[17]);
}
