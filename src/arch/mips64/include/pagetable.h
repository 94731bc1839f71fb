/*
 * pagetable.h - the mips64 page-table format, walked by the TLB refill
 * handlers in vectors.S and kept by pagetable.c.  Usable from .S files.
 *
 * The TLB is refilled by software, so the format is ours.  It is chosen for
 * a refill of a few loads and a tlbwr, with no tests on the way:
 *   level 1 (root): 1024 pointers, 8 KiB, indexed by VA bits 39:30;
 *   level 2 (mid):   512 pointers, 4 KiB, indexed by VA bits 29:21;
 *   level 3 (leaf):  512 PTEs,     4 KiB, indexed by VA bits 20:12.
 * Every pointer is a kernel (xkphys or KSEG0) address.  An absent table is
 * not NULL but the shared empty one (empty_mid, empty_leaf), so the walk
 * never branches: a hole ends in a zero PTE, the TLB gets an invalid entry,
 * and the access takes a TLB-invalid exception to the C handler.
 *
 * A PTE is an EntryLo word: the refill writes it as it is.  One TLB entry
 * maps an even/odd pair of pages, which are adjacent PTEs in the leaf.
 * Bits 32 and up are "Fill" to the hardware (ignored on write: the CPU has
 * no RI/XI and PageGrain.ELPA stays 0), so the software keeps the L4
 * rights there.
 *
 * V and D are software-managed: map and protect clear them, and the first
 * access (TLB invalid) or first store (TLB Mod) sets them if the rights
 * allow.  So V means "referenced" and D "written" since the last protect.
 */
#ifndef PECAN_PAGETABLE_H
#define PECAN_PAGETABLE_H

/* User space: xuseg (Status.UX=1) has SEGBITS=42 on QEMU's MIPS64R2-generic;
 * the table covers the low 1 TiB of it.  The refill sends anything above
 * to the slow path. */
#define PT_USER_BITS    40
#define PT_L1_SHIFT     30
#define PT_L1_ENTRIES   1024
#define PT_L2_SHIFT     21
#define PT_L2_ENTRIES   512
#define PT_L3_SHIFT     12
#define PT_L3_ENTRIES   512

/* EntryLo bits */
#define PTE_G           0x1             /* global: never set for user pages */
#define PTE_V           0x2             /* valid: referenced since the last protect */
#define PTE_D           0x4             /* dirty (writable): written since the last protect */
#define PTE_CACHED      (3 << 3)        /* C=3: cacheable, noncoherent, write-back */
#define PTE_UNCACHED    (2 << 3)        /* C=2: uncached, for devices */
#define PTE_PFN_SHIFT   6               /* EntryLo.PFN = PA >> 12, at bit 6 */
#define PTE_PFN_MASK    0x3fffffc0      /* 24 PFN bits: 36-bit physical addresses */
#define PTE_RIGHTS_SHIFT 32             /* software: the L4 rights (r=4 w=2 x=1) */

#ifndef __ASSEMBLER__

#include "types.h"

typedef uint64_t pte_t;

struct pt_leaf { pte_t pte[PT_L3_ENTRIES]; };
struct pt_mid { struct pt_leaf *leaf[PT_L2_ENTRIES]; };
struct pt_root { struct pt_mid *mid[PT_L1_ENTRIES]; };

/* An address space as the hardware sees it. */
struct port_space {
	struct pt_root *root;   /* the refill handler walks this one when active */
	uint64_t asid;          /* generation << 8 | ASID (tlb.c); 0: none yet */
	unsigned tables;        /* page-table pages held, the root's two included */
};

#define PORT_USER_END ((vaddr_t)1 << PT_USER_BITS)

/* The root of "no user space" (mips_cpu.pt_root, context.h, is the one the
 * refill handlers walk: the active space's, or this one). */
extern struct pt_root mips_empty_root;

/* pagetable.c */
void mips_pt_init(void);                        /* set up the shared empty tables */
pte_t *mips_pt_find(struct pt_root *root, vaddr_t va);
                                                /* va's PTE, or NULL where no leaf table exists */

static inline paddr_t pte_pa(pte_t pte)
{
	return (paddr_t)(pte & PTE_PFN_MASK) << (PAGE_SHIFT - PTE_PFN_SHIFT);
}

static inline unsigned pte_rights(pte_t pte)
{
	return (pte >> PTE_RIGHTS_SHIFT) & 7;
}

#endif /* __ASSEMBLER__ */

#endif
