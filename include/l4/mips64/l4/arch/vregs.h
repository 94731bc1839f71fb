/*
 * <l4/arch/vregs.h> for mips64: where a thread finds its UTCB.
 *
 * The kernel keeps the thread's UTCB pointer (the address of MR0, also its
 * local ID) in the UserLocal register (CP0 4/2, MIPS32/64 release 2), which
 * user mode reads as hardware register 29 with rdhwr once the kernel has
 * set HWREna bit 29.  The target register is $3 because that is the form
 * kernels conventionally emulate on CPUs without UserLocal.
 *
 * The mips64 kernel engineer may change this mechanism (for example to a
 * fixed virtual address or a reserved register); only this file follows.
 */
#ifndef L4_ARCH_VREGS_H
#define L4_ARCH_VREGS_H

#include <l4/types.h>

/* Not volatile: the pointer never changes for a thread. */
L4_INLINE L4_Word_t *__L4_Utcb(void)
{
    register L4_Word_t *v1 __asm__("$3");
    __asm__("rdhwr $3, $29" : "=r"(v1));
    return v1;
}

#endif
