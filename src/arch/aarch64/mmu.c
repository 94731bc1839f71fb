/* mmu.c - growing the kernel's direct map as the memory map finds RAM.
 * head.S built the boot tables; see arch/mmu.h for the layout. */
#include "arch/mmu.h"
#include "panic.h"

#define GB (UL(1) << 30)

extern uint64_t arm_kernel_l1[512];     /* head.S: TTBR1's level-1 table */

/*
 * Entries go from invalid to valid only, so no TLB maintenance is needed:
 * a translation fault is never cached.  The barriers make the walker see
 * the new entry before the next access through it.
 */
paddr_t arm_mmu_map_ram(paddr_t base, paddr_t end)
{
	if (end > DIRECT_MAP_SIZE)
		end = DIRECT_MAP_SIZE;
	for (paddr_t gb = ALIGN_DOWN(base, GB); gb < end; gb += GB) {
		if (gb < DEVICE_WINDOW)
			panic("RAM at 0x%llx overlaps the device window",
			      (unsigned long long)base);
		uint64_t *e = &arm_kernel_l1[gb / GB];
		if (!(*e & PTE_VALID))
			*e = gb | PTE_KERNEL_RAM;
	}
	dsb_ishst();
	isb();
	return end;
}
