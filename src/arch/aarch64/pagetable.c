/*
 * pagetable.c - user page tables: 4 KB granule, 48-bit VA, four levels
 * (L0-L3, 9 bits each), walked from TTBR0.  The kernel half is TTBR1's, so
 * a user table holds user pages only and needs no copy of the kernel.
 *
 * A user page entry (L3):
 *   AP[1] = 1      EL0 may access;  AP[2] = 1: read-only (EL0 and EL1)
 *   UXN            unless L4 gave x;  PXN always (the kernel never runs user code)
 *   nG             its TLB entries carry the space's ASID
 *   AF             see "status" below
 *   bits 55-57     the L4 rights as mapped (software bits), so that lookup
 *                  reports exactly what was mapped: the hardware cannot
 *                  express w or x without r, so r is implied there.
 *
 * Status (port_space_protect returns referenced 4 / written 2, and resets it):
 *   referenced: AF.  With FEAT_HAFDBS (TCR.HA) a page is mapped with AF
 *     clear and the walker sets it on the first access.  Without it (the
 *     Cortex-A57), a page is mapped with AF set, since mapping is what a
 *     fault asks for and the access follows at once; protect clears it, and
 *     the next access takes an access-flag fault that sets it again
 *     (arm_space_access_fault).  So R is exact except between a map and the
 *     first status query, when it may report a page never touched.
 *   written: with TCR.HD, a writable page has DBM set and starts clean
 *     (AP[2] = 1); the walker clears AP[2] on the first write.  Without it,
 *     W is reported for a page that is writable and referenced: an
 *     over-approximation (a page only read is "written" too).
 *   executed (1) is never reported: AArch64 does not record it.
 *
 * Tables are freed only with their space, so an entry is only ever
 * removed at L3 and the walk caches never see a freed table.
 */
#include "arch/space.h"
#include "kmem.h"
#include "panic.h"
#include "port.h"

#define LEVEL_SHIFT(l)  (39 - 9 * (l))          /* L0: 39, L1: 30, L2: 21, L3: 12 */
#define INDEX(va, l)    (((va) >> LEVEL_SHIFT(l)) & 511)
#define PTE_RIGHTS(e)   ((unsigned)((e) >> PTE_SW_SHIFT) & 7)

#define R 4u
#define W 2u
#define X 1u

bool arm_hw_af, arm_hw_dirty;

void arm_space_cpu_init(void)
{
	unsigned hafdbs = read_sysreg(id_aa64mmfr1_el1) & 0xf;
	uint64_t tcr = read_sysreg(tcr_el1);

	arm_hw_af = hafdbs >= 1;
	arm_hw_dirty = hafdbs >= 2;
	if (arm_hw_af)
		tcr |= TCR_HA;
	if (arm_hw_dirty)
		tcr |= TCR_HD;
	write_sysreg(tcr_el1, tcr);
	isb();
}

static uint64_t *table_of(uint64_t e)
{
	return port_phys_to_virt(e & PTE_ADDR_MASK);
}

/* The L3 entry for va, allocating the tables on the way if alloc; NULL if a
 * table is missing (and alloc is false, or memory ran out). */
static uint64_t *walk(struct port_space *s, vaddr_t va, bool alloc)
{
	uint64_t *table = s->root;

	for (int level = 0; level < 3; level++) {
		uint64_t *e = &table[INDEX(va, level)];
		if (!(*e & PTE_VALID)) {
			if (!alloc)
				return NULL;
			uint64_t *next = kmem_alloc(PAGE_SIZE);
			if (!next)
				return NULL;
			/* The zeroes must reach the walker before the link does. */
			dsb_ishst();
			*e = port_virt_to_phys(next) | PTE_TABLE | PTE_PXN_TABLE;
		}
		table = table_of(*e);
	}
	return &table[INDEX(va, 3)];
}

/* The entry for a user page at pa with L4 rights (not 0), status clear. */
static uint64_t make_pte(paddr_t pa, unsigned rights)
{
	uint64_t e = (pa & PTE_ADDR_MASK) | PTE_PAGE | PTE_AP_USER | PTE_NG | PTE_PXN |
		     (uint64_t)rights << PTE_SW_SHIFT;

	/* On virt the first gigabyte is devices: never cacheable, never run. */
	if (pa < DEVICE_WINDOW)
		e |= PTE_ATTR(MT_DEVICE) | PTE_UXN;
	else
		e |= PTE_ATTR(MT_NORMAL) | PTE_SH_INNER | (rights & X ? 0 : PTE_UXN);
	if (!(rights & W))
		e |= PTE_AP_RO;
	else if (arm_hw_dirty)
		e |= PTE_DBM | PTE_AP_RO;       /* writable, clean */
	return e;
}

static unsigned pte_status(uint64_t e)
{
	bool referenced = e & PTE_AF;
	bool written = arm_hw_dirty ? (e & PTE_DBM) && !(e & PTE_AP_RO)
				    : !(e & PTE_AP_RO) && referenced;

	return (referenced ? R : 0) | (written ? W : 0);
}

/* Swap an entry, atomically with the walker's AF and dirty updates. */
static uint64_t pte_xchg(uint64_t *p, uint64_t v)
{
	uint64_t old;
	unsigned failed;

	__asm__ volatile("1: ldxr %0, [%2]\n"
			 "   stxr %w1, %3, [%2]\n"
			 "   cbnz %w1, 1b"
			 : "=&r"(old), "=&r"(failed) : "r"(p), "r"(v) : "memory");
	return old;
}

/* Data written through the kernel's alias must reach the instruction side
 * before user code runs from the page, unless CTR_EL0 says it already does
 * (IDC: no clean needed; DIC: no invalidate needed). */
static void sync_icache(paddr_t pa)
{
	uint64_t ctr = read_sysreg(ctr_el0);

	if (!(ctr & UL(1) << 28)) {
		size_t line = 4ul << (ctr >> 16 & 0xf);
		char *p = port_phys_to_virt(pa);
		for (size_t off = 0; off < PAGE_SIZE; off += line)
			__asm__ volatile("dc cvau, %0" : : "r"(p + off) : "memory");
		__asm__ volatile("dsb ish" ::: "memory");
	}
	if (!(ctr & UL(1) << 29))
		__asm__ volatile("ic ialluis\n\tdsb ish" ::: "memory");
}

bool port_space_init(struct port_space *s)
{
	s->root = kmem_alloc(PAGE_SIZE);
	if (!s->root)
		return false;
	s->root_pa = port_virt_to_phys(s->root);
	s->asid = 0;
	return true;
}

static void free_table(uint64_t *table, int level)
{
	for (unsigned i = 0; level < 3 && i < 512; i++)
		if (table[i] & PTE_VALID)
			free_table(table_of(table[i]), level + 1);
	kmem_free(table, PAGE_SIZE);
}

void port_space_free(struct port_space *s)
{
	arm_space_forget(s);
	free_table(s->root, 0);
	s->root = NULL;
}

bool port_space_map(struct port_space *s, vaddr_t va, paddr_t pa, unsigned rights)
{
	if (unlikely(va >= PORT_USER_END || va % PAGE_SIZE || pa % PAGE_SIZE || !rights || rights > 7))
		panic("port_space_map(%p, %p, 0x%llx, %u): not a user page", (void *)s,
		      (void *)va, (unsigned long long)pa, rights);
	uint64_t *e = walk(s, va, true);
	if (!e)
		return false;

	uint64_t pte = make_pte(pa, rights);
	if (!arm_hw_af)
		pte |= PTE_AF;
	if (!(pte & PTE_UXN))
		sync_icache(pa);
	/* Replacing a live entry: break before make, so that the TLB never
	 * holds the old and the new translation at once.  The same frame
	 * again (more rights, say) keeps its status until the next query. */
	if (*e & PTE_VALID) {
		uint64_t old = pte_xchg(e, 0);
		arm_tlb_flush_page(s, va);
		if ((old & PTE_ADDR_MASK) == (pa & PTE_ADDR_MASK)) {
			pte |= old & PTE_AF;
			if ((pte & PTE_DBM) && (pte_status(old) & W))
				pte &= ~PTE_AP_RO;      /* still dirty */
		}
	}
	*e = pte;
	dsb_ishst();    /* visible to the walker before we return to user mode */
	isb();
	return true;
}

unsigned port_space_protect(struct port_space *s, vaddr_t va, unsigned rights)
{
	uint64_t *e = va < PORT_USER_END ? walk(s, ALIGN_DOWN(va, PAGE_SIZE), false) : NULL;

	if (!e || !(*e & PTE_VALID))
		return 0;
	/* The old entry's status is read in the same atomic swap that
	 * installs the new one, so no access in between is lost. */
	rights &= PTE_RIGHTS(*e);
	uint64_t new = rights ? make_pte(*e & PTE_ADDR_MASK, rights) : 0;
	uint64_t old = pte_xchg(e, new);
	arm_tlb_flush_page(s, va);
	return pte_status(old);
}

bool port_space_lookup(struct port_space *s, vaddr_t va, paddr_t *pa, unsigned *rights)
{
	uint64_t *e = va < PORT_USER_END ? walk(s, va, false) : NULL;

	if (!e || !(*e & PTE_VALID))
		return false;
	*pa = *e & PTE_ADDR_MASK;
	*rights = PTE_RIGHTS(*e);
	return true;
}

/* Without TCR.HA the walker faults on AF = 0 instead of setting it.  An
 * entry with AF clear is never held in the TLB, so no flush is needed. */
bool arm_space_access_fault(vaddr_t va)
{
	struct port_space *s = arm_active_space;
	uint64_t *e = s && va < PORT_USER_END ? walk(s, va, false) : NULL;

	if (!e || (*e & (PTE_VALID | PTE_AF)) != PTE_VALID)
		return false;
	*e |= PTE_AF;
	dsb_ishst();
	isb();
	return true;
}
