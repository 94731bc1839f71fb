/*
 * <l4/arch/syscalls.h> for aarch64: the system call trap (docs/api.md).
 *
 * svc #0, number in x8, arguments and results 1-7 in x0-x6; x8 comes back
 * destroyed.  <l4/syscalls.h> builds every X.2 call on this one stub.
 */
#ifndef L4_ARCH_SYSCALLS_H
#define L4_ARCH_SYSCALLS_H

#include <l4/types.h>

/* System call nr with a[0..6] in argument registers 1-7; the results come
 * back in a[0..6].  "memory": the kernel reads and writes the UTCB. */
L4_INLINE void __L4_Trap(L4_Word_t nr, L4_Word_t a[7])
{
    register L4_Word_t x8 __asm__("x8") = nr;
    register L4_Word_t x0 __asm__("x0") = a[0];
    register L4_Word_t x1 __asm__("x1") = a[1];
    register L4_Word_t x2 __asm__("x2") = a[2];
    register L4_Word_t x3 __asm__("x3") = a[3];
    register L4_Word_t x4 __asm__("x4") = a[4];
    register L4_Word_t x5 __asm__("x5") = a[5];
    register L4_Word_t x6 __asm__("x6") = a[6];

    __asm__ __volatile__("svc #0"
        : "+r"(x8), "+r"(x0), "+r"(x1), "+r"(x2),
          "+r"(x3), "+r"(x4), "+r"(x5), "+r"(x6)
        :
        : "memory");
    a[0] = x0; a[1] = x1; a[2] = x2; a[3] = x3;
    a[4] = x4; a[5] = x5; a[6] = x6;
}

#endif
