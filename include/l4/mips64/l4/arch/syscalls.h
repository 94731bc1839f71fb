/*
 * <l4/arch/syscalls.h> for mips64 (n64): the system call trap (docs/api.md).
 *
 * syscall, number in v0 ($2), arguments and results 1-7 in a0-a6
 * ($4-$10); v0 comes back destroyed.  Unlike the MIPS Linux convention, the
 * kernel preserves every register it does not name (including a3, at and
 * the temporaries).  <l4/syscalls.h> builds every X.2 call on this one stub.
 */
#ifndef L4_ARCH_SYSCALLS_H
#define L4_ARCH_SYSCALLS_H

#include <l4/types.h>

/* System call nr with a[0..6] in argument registers 1-7; the results come
 * back in a[0..6].  "memory": the kernel reads and writes the UTCB. */
L4_INLINE void __L4_Trap(L4_Word_t nr, L4_Word_t a[7])
{
    register L4_Word_t v0 __asm__("$2") = nr;
    register L4_Word_t a0 __asm__("$4") = a[0];
    register L4_Word_t a1 __asm__("$5") = a[1];
    register L4_Word_t a2 __asm__("$6") = a[2];
    register L4_Word_t a3 __asm__("$7") = a[3];
    register L4_Word_t a4 __asm__("$8") = a[4];
    register L4_Word_t a5 __asm__("$9") = a[5];
    register L4_Word_t a6 __asm__("$10") = a[6];

    __asm__ __volatile__("syscall"
        : "+r"(v0), "+r"(a0), "+r"(a1), "+r"(a2),
          "+r"(a3), "+r"(a4), "+r"(a5), "+r"(a6)
        :
        : "memory");
    a[0] = a0; a[1] = a1; a[2] = a2; a[3] = a3;
    a[4] = a4; a[5] = a5; a[6] = a6;
}

#endif
