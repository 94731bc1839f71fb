/* cpu.h - x86_64 CPU state that the glue layer changes. */
#ifndef PECAN_CPU_H
#define PECAN_CPU_H

#include "types.h"

/* The stack the CPU (TSS rsp0) and syscall_entry use for entries from
 * user mode: the running thread's kernel stack top. */
void x86_set_kernel_stack(word_t top);

void x86_mmu_init(void);        /* mmu.c: PCIDs */

#endif
