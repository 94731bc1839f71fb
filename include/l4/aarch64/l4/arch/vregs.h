/*
 * <l4/arch/vregs.h> for aarch64: where a thread finds its UTCB.
 *
 * The kernel keeps the thread's UTCB pointer (the address of MR0, also its
 * local ID) in TPIDRRO_EL0, which user mode can read but not write.
 */
#ifndef L4_ARCH_VREGS_H
#define L4_ARCH_VREGS_H

#include <l4/types.h>

/* Not volatile: the pointer never changes for a thread. */
L4_INLINE L4_Word_t *__L4_Utcb(void)
{
    L4_Word_t *utcb;
    __asm__("mrs %0, tpidrro_el0" : "=r"(utcb));
    return utcb;
}

#endif
