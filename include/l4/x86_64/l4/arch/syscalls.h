/*
 * <l4/arch/syscalls.h> for x86_64: the system call trap (docs/api.md).
 *
 * syscall, number in rax, arguments and results 1-7 in
 * rdi rsi rdx r10 r8 r9 r12; the instruction itself destroys rcx (return
 * address) and r11 (flags), and the kernel returns nothing in rax.
 * <l4/syscalls.h> builds every X.2 call on this one stub.
 */
#ifndef L4_ARCH_SYSCALLS_H
#define L4_ARCH_SYSCALLS_H

#include <l4/types.h>

/* System call nr with a[0..6] in argument registers 1-7; the results come
 * back in a[0..6].  "memory": the kernel reads and writes the UTCB. */
L4_INLINE void __L4_Trap(L4_Word_t nr, L4_Word_t a[7])
{
    register L4_Word_t rax __asm__("rax") = nr;
    register L4_Word_t rdi __asm__("rdi") = a[0];
    register L4_Word_t rsi __asm__("rsi") = a[1];
    register L4_Word_t rdx __asm__("rdx") = a[2];
    register L4_Word_t r10 __asm__("r10") = a[3];
    register L4_Word_t r8 __asm__("r8") = a[4];
    register L4_Word_t r9 __asm__("r9") = a[5];
    register L4_Word_t r12 __asm__("r12") = a[6];

    __asm__ __volatile__("syscall"
        : "+r"(rax), "+r"(rdi), "+r"(rsi), "+r"(rdx),
          "+r"(r10), "+r"(r8), "+r"(r9), "+r"(r12)
        :
        : "rcx", "r11", "memory");
    a[0] = rdi; a[1] = rsi; a[2] = rdx; a[3] = r10;
    a[4] = r8; a[5] = r9; a[6] = r12;
}

#endif
