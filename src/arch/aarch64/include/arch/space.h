/*
 * space.h - a user address space as the MMU sees it: a 4-level TTBR0 table
 * tree (4 KB granule, 48-bit VA) and the ASID that tags its TLB entries.
 * pagetable.c builds and edits the tables, asid.c hands out ASIDs and
 * loads TTBR0.  Generic code sees only the port_space_* hooks (port.h).
 */
#ifndef ARCH_SPACE_H
#define ARCH_SPACE_H

#include "sysreg.h"

#define PORT_USER_END   (UL(1) << 48)   /* TTBR0 covers 0 to 2^48 (TCR.T0SZ = 16) */

#ifndef __ASSEMBLER__
#include "types.h"

struct port_space {
	uint64_t *root;         /* the level-0 table (kernel address); NULL once freed */
	paddr_t root_pa;        /* what TTBR0 gets */
	uint64_t asid;          /* generation << 16 | ASID; 0 until first activated */
};

/* What the walker does for us, from ID_AA64MMFR1_EL1.HAFDBS (set up by
 * arm_space_cpu_init()): hardware access flag, hardware dirty state. */
extern bool arm_hw_af, arm_hw_dirty;

void arm_space_cpu_init(void);          /* turn on TCR.HA/HD where the CPU has them */

/* An access-flag fault at user address va in the active space: set the flag
 * and return true if va is mapped (retry the access), else false. */
bool arm_space_access_fault(vaddr_t va);

/* asid.c */
extern struct port_space *arm_active_space;     /* whose table TTBR0 holds; NULL: none */
extern uint64_t arm_asid_generation;            /* the current generation << 16: a space's
						   ASID is live if its generation bits equal it */
void arm_space_forget(struct port_space *s);    /* s is being freed: off TTBR0, out of the TLB */
void arm_tlb_flush_page(const struct port_space *s, vaddr_t va); /* after an entry shrank or went */
unsigned arm_asid_set_max(unsigned max);        /* for the self-test: returns the old limit */

void arm_space_selftest(void);          /* space_test.c: panics on failure */
#endif

#endif
