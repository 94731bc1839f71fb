/*
 * <l4/arch/vregs.h> for x86_64: where a thread finds its UTCB.
 *
 * The kernel points the fs segment base at the thread's UTCB pointer (the
 * address of MR0, also its local ID), and UTCB word -2 holds that pointer
 * itself, so one fs-relative load yields it.
 */
#ifndef L4_ARCH_VREGS_H
#define L4_ARCH_VREGS_H

#include <l4/types.h>

/* Not volatile: the pointer never changes for a thread, so the compiler may
 * read it once and reuse it. */
L4_INLINE L4_Word_t *__L4_Utcb(void)
{
    L4_Word_t *utcb;
    __asm__("mov %%fs:-16, %0" : "=r"(utcb));
    return utcb;
}

#endif
