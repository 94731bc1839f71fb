/*
 * tlb.h - the mips64 TLB: ASIDs, flushes, and the software-managed V/D
 * bits (tlb.c), and probing user memory from kernel mode (probe.S).
 */
#ifndef PECAN_TLB_H
#define PECAN_TLB_H

#include "pagetable.h"

struct trap_frame;

/* Flush the TLB, set up the empty tables, and enable the rdhwr registers;
 * port_trap_init calls it once. */
void mips_tlb_init(void);

/* No user space: the empty root and the reserved ASID 0 (for a space
 * being freed while active, or a kernel thread's). */
void mips_space_deactivate(void);

/* Drop the TLB entry (the page pair) holding va for the space with this
 * asid, if any. */
void mips_tlb_flush_page(uint64_t asid, vaddr_t va);

/* The TLB-invalid and TLB-Mod exceptions on a user address: if the active
 * space has a PTE at va whose rights allow the access, set V (and D for a
 * write), reload the TLB entry and return true: the access can be retried.
 * False: a real fault. */
bool mips_tlb_fixup(vaddr_t va, bool write);

/* If the kernel faulted in mips_probe_load/store, make the probe return 1
 * and return true.  (Called for kernel-mode faults the fixup did not fix.) */
bool mips_probe_fixup(struct trap_frame *f);

/* Load or store a word at a user address of the active space from kernel
 * mode, through the TLB: 0 on success, 1 if the access faulted. */
int mips_probe_load(vaddr_t va, word_t *value);
int mips_probe_store(vaddr_t va, word_t value);

/* The boot self-test of the address-space code (mmu_test.c): silent on
 * success, panics on failure. */
void mips_mmu_selftest(void);

/* Interrupts off, returning the old Status for irq_restore(). */
static inline uint32_t irq_save(void)
{
	uint32_t status;

	__asm__ volatile("di %0\n\tehb" : "=r"(status) :: "memory");
	return status;
}

static inline void irq_restore(uint32_t status)
{
	if (status & 1)
		__asm__ volatile("ei\n\tehb" ::: "memory");
}

#endif
