/*
 * mmu.c - x86_64 page tables for user spaces: 4 levels, 4 KiB pages,
 * tagged with PCIDs where the CPU has them.
 *
 * The upper half (PML4 entries 256-511) is the kernel's and is shared by
 * every space: each new PML4 copies those entries from the boot PML4.
 */
#include "kmem.h"
#include "kprintf.h"
#include "panic.h"
#include "port.h"
#include "string.h"
#include "x86.h"

#define PTE_P    (1ul << 0)
#define PTE_W    (1ul << 1)
#define PTE_U    (1ul << 2)
#define PTE_A    (1ul << 5)     /* accessed: the CPU sets it */
#define PTE_D    (1ul << 6)     /* dirty: the CPU sets it */
#define PTE_NX   (1ul << 63)
#define PTE_ADDR 0x000ffffffffff000ul

#define CR3_NOFLUSH (1ul << 63)
#define MAX_PCID 4096

extern uint64_t boot_pml4[512];

static bool have_pcid;
static uint8_t pcid_used[MAX_PCID / 8];         /* PCID 0 stays for the kernel */

/* Is s the space in CR3?  CR3 itself says, so that the fast path, which
 * switches spaces without calling in here, needs to tell nobody. */
static bool active(const struct port_space *s)
{
	return (read_cr3() & PTE_ADDR) == port_virt_to_phys(s->pml4);
}

void x86_mmu_init(void)
{
	uint32_t r[4];

	cpuid(1, r);
	have_pcid = r[2] & (1u << 17);
	if (have_pcid) {
		write_cr4(read_cr4() | X86_CR4_PCIDE);
		pcid_used[0] = 1;
	}
	kprintf("mmu: 4-level page tables, %s\n",
		have_pcid ? "PCIDs: TLB entries survive space switches" : "no PCIDs: a switch flushes the TLB");
}

static unsigned pcid_alloc(void)
{
	for (unsigned i = 1; have_pcid && i < MAX_PCID; i++)
		if (!(pcid_used[i / 8] & (1 << (i % 8)))) {
			pcid_used[i / 8] |= 1 << (i % 8);
			return i;
		}
	return 0;               /* none left (or no PCIDs): untagged, flushed on each switch */
}

bool port_space_init(struct port_space *s)
{
	uint64_t *pml4 = kmem_alloc(PAGE_SIZE);

	if (!pml4)
		return false;
	memcpy(pml4 + 256, boot_pml4 + 256, 256 * sizeof(uint64_t));
	s->pml4 = pml4;
	s->pcid = pcid_alloc();
	s->cr3_kept = port_virt_to_phys(pml4) | s->pcid | (s->pcid ? CR3_NOFLUSH : 0);
	s->cr3 = s->cr3_kept & ~CR3_NOFLUSH;    /* a reused PCID may still tag old entries */
	return true;
}

static void free_level(uint64_t *table, int level)
{
	for (unsigned i = 0; level > 1 && i < 512; i++)
		if (table[i] & PTE_P)
			free_level(port_phys_to_virt(table[i] & PTE_ADDR), level - 1);
	kmem_free(table, PAGE_SIZE);
}

void port_space_free(struct port_space *s)
{
	if (active(s))          /* never run on freed tables */
		write_cr3(port_virt_to_phys(boot_pml4));
	for (unsigned i = 0; i < 256; i++)
		if (s->pml4[i] & PTE_P)
			free_level(port_phys_to_virt(s->pml4[i] & PTE_ADDR), 3);
	kmem_free(s->pml4, PAGE_SIZE);
	if (s->pcid)
		pcid_used[s->pcid / 8] &= ~(1 << (s->pcid % 8));
}

/* The page-table entry for va, allocating tables on the way if `create`. */
static uint64_t *walk(struct port_space *s, vaddr_t va, bool create)
{
	uint64_t *table = s->pml4;

	for (int shift = 39; shift > 12; shift -= 9) {
		uint64_t *e = &table[(va >> shift) & 511];
		if (!(*e & PTE_P)) {
			if (!create)
				return NULL;
			uint64_t *next = kmem_alloc(PAGE_SIZE);
			if (!next)
				return NULL;
			*e = port_virt_to_phys(next) | PTE_P | PTE_W | PTE_U;
		}
		table = port_phys_to_virt(*e & PTE_ADDR);
	}
	return &table[(va >> 12) & 511];
}

static void flush_page(struct port_space *s, vaddr_t va)
{
	if (active(s))
		__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
	else
		s->cr3 &= ~CR3_NOFLUSH; /* its PCID is flushed when it next runs */
}

/*
 * The last page below PORT_USER_END is never mapped: a syscall instruction
 * ending there would leave a non-canonical return address, which sysret
 * (the fast path's exit) takes as a #GP in kernel mode, on the user's
 * stack, on Intel CPUs (and iret as a kernel #GP everywhere).  Every other
 * address a thread returns to is canonical: the CPU's own, or
 * port_frame_set_ip()'s.
 */
bool port_space_map(struct port_space *s, vaddr_t va, paddr_t pa, unsigned rights)
{
	if (va >= PORT_USER_END - PAGE_SIZE)
		return false;
	uint64_t *pte = walk(s, va, true);
	if (!pte)
		return false;
	bool was = *pte & PTE_P;
	*pte = (pa & PTE_ADDR) | PTE_P | PTE_U | (rights & 2 ? PTE_W : 0) | (rights & 1 ? 0 : PTE_NX);
	if (was)
		flush_page(s, va);
	return true;
}

unsigned port_space_protect(struct port_space *s, vaddr_t va, unsigned rights)
{
	uint64_t *pte = va < PORT_USER_END ? walk(s, va, false) : NULL;

	if (!pte || !(*pte & PTE_P))
		return 0;
	unsigned status = (*pte & PTE_A ? 4 : 0) | (*pte & PTE_D ? 2 : 0);
	if (rights & 7)
		*pte = (*pte & ~(PTE_W | PTE_A | PTE_D)) | (rights & 2 ? PTE_W : 0) | (rights & 1 ? 0 : PTE_NX);
	else
		*pte = 0;
	flush_page(s, va);
	return status;
}

bool port_space_lookup(struct port_space *s, vaddr_t va, paddr_t *pa, unsigned *rights)
{
	uint64_t *pte = va < PORT_USER_END ? walk(s, va, false) : NULL;

	if (!pte || !(*pte & PTE_P))
		return false;
	*pa = (*pte & PTE_ADDR) | (va & (PAGE_SIZE - 1));
	*rights = 4 | (*pte & PTE_W ? 2 : 0) | (*pte & PTE_NX ? 0 : 1);
	return true;
}

/* With a PCID, keep its TLB entries unless some are stale.  The fast path
 * (glue/x86_64/fastpath.S) does the same with the same two words. */
void port_space_activate(struct port_space *s)
{
	if (active(s))
		return;         /* the active space is never stale: flush_page invalidates */
	write_cr3(s->cr3);
	s->cr3 = s->cr3_kept;
}
