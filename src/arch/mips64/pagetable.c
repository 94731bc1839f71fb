/*
 * pagetable.c - user address spaces as page tables (the format is in
 * pagetable.h): port_space_init/free/map/protect/lookup.
 *
 * Tables come from kmem.  A space never shares a table with another, except
 * the read-only empty ones, and keeps every table until it is freed.
 * port_space_activate and the TLB side are in tlb.c.
 */
#include "kmem.h"
#include "malta.h"
#include "panic.h"
#include "port.h"
#include "tlb.h"

/* Shared by every space for its holes; never written after mips_pt_init. */
static struct pt_mid empty_mid;
static struct pt_leaf empty_leaf;
struct pt_root mips_empty_root;

#define L1(va) (((va) >> PT_L1_SHIFT) & (PT_L1_ENTRIES - 1))
#define L2(va) (((va) >> PT_L2_SHIFT) & (PT_L2_ENTRIES - 1))
#define L3(va) (((va) >> PT_L3_SHIFT) & (PT_L3_ENTRIES - 1))

void mips_pt_init(void)
{
	for (unsigned i = 0; i < PT_L2_ENTRIES; i++)
		empty_mid.leaf[i] = &empty_leaf;
	for (unsigned i = 0; i < PT_L1_ENTRIES; i++)
		mips_empty_root.mid[i] = &empty_mid;
}

static pte_t pte_make(paddr_t pa, unsigned rights)
{
	return (pa >> (PAGE_SHIFT - PTE_PFN_SHIFT) & PTE_PFN_MASK) |
	       (malta_is_device(pa) ? PTE_UNCACHED : PTE_CACHED) |
	       (pte_t)rights << PTE_RIGHTS_SHIFT;
}

pte_t *mips_pt_find(struct pt_root *root, vaddr_t va)
{
	struct pt_leaf *leaf = root->mid[L1(va)]->leaf[L2(va)];

	return leaf == &empty_leaf ? NULL : &leaf->pte[L3(va)];
}

/* va's PTE, making the tables on the way; NULL if out of memory. */
static pte_t *pt_walk_alloc(struct port_space *s, vaddr_t va)
{
	struct pt_mid **mid = &s->root->mid[L1(va)];
	struct pt_leaf **leaf;

	if (*mid == &empty_mid) {
		struct pt_mid *m = kmem_alloc(sizeof(*m));
		if (!m)
			return NULL;
		for (unsigned i = 0; i < PT_L2_ENTRIES; i++)
			m->leaf[i] = &empty_leaf;
		*mid = m;
		s->tables++;
	}
	leaf = &(*mid)->leaf[L2(va)];
	if (*leaf == &empty_leaf) {
		struct pt_leaf *l = kmem_alloc(sizeof(*l));   /* zeroed: no pages */
		if (!l)
			return NULL;
		*leaf = l;
		s->tables++;
	}
	return &(*leaf)->pte[L3(va)];
}

bool port_space_init(struct port_space *s)
{
	struct pt_root *root = kmem_alloc(sizeof(*root));

	if (!root)
		return false;
	for (unsigned i = 0; i < PT_L1_ENTRIES; i++)
		root->mid[i] = &empty_mid;
	*s = (struct port_space){ .root = root, .asid = 0,
				  .tables = sizeof(*root) / PAGE_SIZE };
	return true;
}

/* The space's ASID is never handed out again before a rollover flushes the
 * whole TLB, so its stale entries need no flush here. */
void port_space_free(struct port_space *s)
{
	if (mips_cpu.pt_root == s->root)
		mips_space_deactivate();
	for (unsigned i = 0; i < PT_L1_ENTRIES; i++) {
		struct pt_mid *mid = s->root->mid[i];
		if (mid == &empty_mid)
			continue;
		for (unsigned j = 0; j < PT_L2_ENTRIES; j++)
			if (mid->leaf[j] != &empty_leaf)
				kmem_free(mid->leaf[j], sizeof(struct pt_leaf));
		kmem_free(mid, sizeof(*mid));
	}
	kmem_free(s->root, sizeof(*s->root));
	*s = (struct port_space){ 0 };
}

/*
 * A new PTE starts with V and D clear whatever the rights, so the first
 * access reports "referenced".  The TLB can only hold a valid entry for va
 * if the old PTE had V set; only then is a flush needed.
 */
bool port_space_map(struct port_space *s, vaddr_t va, paddr_t pa, unsigned rights)
{
	pte_t *p, old;

	if (unlikely(va >= PORT_USER_END || va % PAGE_SIZE || pa % PAGE_SIZE ||
		     pa > (paddr_t)PTE_PFN_MASK << (PAGE_SHIFT - PTE_PFN_SHIFT) ||
		     rights == 0 || rights > 7))
		panic("port_space_map: bad page %p -> %llx, rights %u",
		      (void *)va, (unsigned long long)pa, rights);
	p = pt_walk_alloc(s, va);
	if (!p)
		return false;
	old = *p;
	*p = pte_make(pa, rights);
	if (old & PTE_V)
		mips_tlb_flush_page(s->asid, va);
	return true;
}

/* Rights only shrink here; the status bits start again from zero. */
unsigned port_space_protect(struct port_space *s, vaddr_t va, unsigned rights)
{
	pte_t *p, old;

	if (va >= PORT_USER_END)
		return 0;
	p = mips_pt_find(s->root, va);
	if (!p || !*p)
		return 0;
	old = *p;
	rights &= pte_rights(old);
	*p = rights ? pte_make(pte_pa(old), rights) : 0;
	if (old & PTE_V)
		mips_tlb_flush_page(s->asid, va);
	return (old & PTE_V ? 4 : 0) | (old & PTE_D ? 2 : 0);
}

bool port_space_lookup(struct port_space *s, vaddr_t va, paddr_t *pa, unsigned *rights)
{
	pte_t *p;

	if (va >= PORT_USER_END)
		return false;
	p = mips_pt_find(s->root, va);
	if (!p || !*p)
		return false;
	*pa = pte_pa(*p);
	*rights = pte_rights(*p);
	return true;
}
