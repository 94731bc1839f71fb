/*
 * mmu.h - the kernel's view of memory on AArch64.
 *
 * 4 KB granule, 48-bit virtual addresses, two halves:
 *   TTBR0: 0x0000000000000000-0x0000ffffffffffff  user spaces, tagged with ASIDs
 *          (pagetable.c, asid.c); at boot a transient identity map for turning
 *          the MMU on, then nothing (TCR.EPD0) until the first user space.
 *   TTBR1: 0xffff000000000000-0xffffffffffffffff  the kernel.
 * The kernel half starts with a direct map of physical memory:
 * VA = KERNEL_VBASE + PA.  The kernel image is linked inside it, so one
 * addition converts in both directions.  On virt, physical 0-1 GB holds the
 * devices (GIC, PL011, ...) and is mapped Device-nGnRnE; RAM from 1 GB up is
 * mapped Normal write-back, in 1 GB blocks, as the memory map finds it.
 */
#ifndef ARCH_MMU_H
#define ARCH_MMU_H

#include "sysreg.h"

#define KERNEL_VBASE    UL(0xffff000000000000)
#define DIRECT_MAP_SIZE (UL(1) << 39)   /* one L1 table: physical 0-512 GB */
#define DEVICE_WINDOW   (UL(1) << 30)   /* physical 0-1 GB: devices on virt */

/* MAIR_EL1 slots, and what a page table entry's AttrIndx picks. */
#define MT_DEVICE       0               /* Device-nGnRnE */
#define MT_NORMAL       1               /* Normal, write-back, read/write-allocate */
#define MT_NORMAL_NC    2               /* Normal, non-cacheable */
#define MAIR_VALUE      ((0x00 << (8 * MT_DEVICE)) | (0xff << (8 * MT_NORMAL)) | \
			 (0x44 << (8 * MT_NORMAL_NC)))

/* Translation table descriptors (levels 0-2 block/table; 3 is pages). */
#define PTE_VALID       (1 << 0)
#define PTE_TABLE       (3 << 0)        /* L0-L2: points to the next level */
#define PTE_BLOCK       (1 << 0)        /* L1-L2: maps a 1 GB or 2 MB block */
#define PTE_ATTR(mt)    ((mt) << 2)
#define PTE_SH_INNER    (3 << 8)
#define PTE_AF          (1 << 10)       /* accessed: no access-flag fault */
#define PTE_PXN         (UL(1) << 53)
#define PTE_UXN         (UL(1) << 54)
#define PTE_PAGE        (3 << 0)        /* L3: maps a 4 KB page */
#define PTE_AP_USER     (1 << 6)        /* AP[1]: EL0 may access */
#define PTE_AP_RO       (1 << 7)        /* AP[2]: read-only, at EL0 and EL1 */
#define PTE_NG          (1 << 11)       /* not global: tagged with the ASID */
#define PTE_ADDR_MASK   UL(0x0000fffffffff000)      /* output address, bits 47:12 */
#define PTE_DBM         (UL(1) << 51)   /* dirty-bit modifier: AP_RO means clean (TCR.HD) */
#define PTE_SW_SHIFT    55              /* bits 55-58 are the software's */
#define PTE_PXN_TABLE   (UL(1) << 59)   /* L0-L2 table: nothing below runs at EL1 */
#define PTE_KERNEL_RAM  (PTE_BLOCK | PTE_ATTR(MT_NORMAL) | PTE_SH_INNER | PTE_AF | PTE_UXN)
#define PTE_KERNEL_DEV  (PTE_BLOCK | PTE_ATTR(MT_DEVICE) | PTE_AF | PTE_PXN | PTE_UXN)

/* TCR_EL1: 48-bit VA in both halves, 4 KB granule, walks cached WBWA and
 * inner shareable.  IPS (the physical size) and AS (16-bit ASIDs) are
 * filled in from ID_AA64MMFR0_EL1 at boot. */
#define TCR_T0SZ        (16 << 0)
#define TCR_EPD0        (1 << 7)        /* no TTBR0 walks: no user space yet */
#define TCR_WALK0       ((1 << 8) | (1 << 10) | (3 << 12))
#define TCR_T1SZ        (16 << 16)
#define TCR_WALK1       ((1 << 24) | (1 << 26) | (3 << 28))
#define TCR_TG1_4K      (UL(2) << 30)
#define TCR_IPS_SHIFT   32
#define TCR_AS          (UL(1) << 36)   /* 16-bit ASIDs */
#define TCR_HA          (UL(1) << 39)   /* the walker sets the access flag */
#define TCR_HD          (UL(1) << 40)   /* the walker manages dirty state (DBM) */
#define TCR_VALUE       (TCR_T0SZ | TCR_WALK0 | TCR_T1SZ | TCR_WALK1 | TCR_TG1_4K)

#ifndef __ASSEMBLER__
#include "types.h"

/* The kernel address of a device register block in the device window. */
static inline uintptr_t arm_device_va(paddr_t pa)
{
	return (uintptr_t)(KERNEL_VBASE + pa);
}

/* Map the RAM [base, end) into the direct map (1 GB blocks); RAM beyond
 * DIRECT_MAP_SIZE is not mapped, and the return value says how far it got. */
paddr_t arm_mmu_map_ram(paddr_t base, paddr_t end);
#endif

#endif
