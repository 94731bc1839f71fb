/* cpu.h - x86_64 CPU state that the glue layer changes. */
#ifndef PECAN_CPU_H
#define PECAN_CPU_H

#include "types.h"

/* The 64-bit TSS.  rsp[0] is the stack for every entry from user mode:
 * the CPU's (traps) and syscall_entry's and the fast path's, which read it
 * from here: the running thread's kernel stack top. */
struct x86_tss {
	uint32_t reserved0;
	uint64_t rsp[3];        /* stack for traps into ring 0..2 */
	uint64_t reserved1;
	uint64_t ist[7];        /* interrupt stack table */
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

extern struct x86_tss x86_tss;

/* Make `top` the kernel stack for entries from user mode. */
void x86_set_kernel_stack(word_t top);

void x86_mmu_init(void);        /* mmu.c: PCIDs */

/* Before every return to user mode: whether the IPC fast path may run
 * (glue/x86_64/thread.c). */
#if PECAN_FASTPATH
void x86_fastpath_sync(void);
#else
static inline void x86_fastpath_sync(void) {}
#endif

#endif
