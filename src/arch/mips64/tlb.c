/*
 * tlb.c - the mips64 TLB: ASIDs with a generation, activating a space,
 * flushing a page, and the software-managed V and D bits.
 *
 * The refill handlers (vectors.S) copy PTE pairs from the active space's
 * table into random TLB slots.  Entries are tagged with the 8-bit ASID in
 * EntryHi, so a switch of spaces flushes nothing.  ASIDs are handed out in
 * order; when the 8 bits run out, the whole TLB is flushed and a new
 * generation starts.  A space keeps generation << 8 | ASID, and one from an
 * older generation gets a new ASID when it is next activated.  ASID 0 is
 * never handed out: it tags "no user space" (mips_space_deactivate).
 *
 * Every function here runs with interrupts off (it says irq_save where it
 * might be called otherwise): EntryHi and Index are shared with the
 * refill handlers.
 */
#include "cp0.h"
#include "panic.h"
#include "port.h"
#include "tlb.h"

#define ASID_GENERATION (1ul << 8)

/* Index for each TLB entry a distinct EntryHi in KSEG0, which is unmapped:
 * it never matches, and no two entries are the same (a machine check). */
#define UNIQUE_ENTRYHI(i) (KSEG0_BASE + ((uint64_t)(i) << (PAGE_SHIFT + 1)))

/* The active root and the last ASID handed out live in mips_cpu
 * (context.h), where the refill and the IPC fast path find them; the
 * active ASID is EntryHi's. */
static unsigned tlb_size;

static inline void tlb_probe(void)
{
	__asm__ volatile("tlbp\n\tehb" ::: "memory");
}

static inline void tlb_write_indexed(void)
{
	__asm__ volatile("tlbwi\n\tehb" ::: "memory");
}

static inline void tlb_write_random(void)
{
	__asm__ volatile("tlbwr\n\tehb" ::: "memory");
}

static void tlb_invalidate(unsigned index)
{
	CP0_WRITE(0, 0, index);
	CP0_WRITE64(10, 0, UNIQUE_ENTRYHI(index));
	CP0_WRITE64(2, 0, 0);
	CP0_WRITE64(3, 0, 0);
	tlb_write_indexed();
}

/* EntryHi.ASID is the active space's ASID (0: none), except for a moment
 * inside the functions here, which put it back: a TLB exception changes
 * only EntryHi.VPN2. */
static inline uint64_t active_asid(void)
{
	return CP0_READ64(10, 0) & ENTRYHI_ASID;
}

static void tlb_flush_all(void)
{
	uint64_t asid = active_asid();

	for (unsigned i = 0; i < tlb_size; i++)
		tlb_invalidate(i);
	CP0_WRITE64(10, 0, asid);
}

void mips_tlb_init(void)
{
	tlb_size = ((cp0_config1() >> CONF1_MMU_SHIFT) & 0x3f) + 1;
	CP0_WRITE(5, 0, 0);             /* PageMask: 4 KiB pages */
	CP0_WRITE(6, 0, 0);             /* Wired: every entry is random's */
	mips_cpu.asid_last = ASID_GENERATION;   /* generation 1; ASID 0 is never handed out */
	mips_pt_init();
	mips_space_deactivate();
	tlb_flush_all();                /* reset leaves the TLB undefined */
}

static uint64_t asid_new(void)
{
	if ((++mips_cpu.asid_last & ENTRYHI_ASID) == 0) {        /* a new generation */
		tlb_flush_all();
		++mips_cpu.asid_last;                            /* skip ASID 0 */
	}
	return mips_cpu.asid_last;
}

void port_space_activate(struct port_space *s)
{
	uint32_t status = irq_save();

	if ((s->asid ^ mips_cpu.asid_last) >> 8)         /* not of this generation */
		s->asid = asid_new();
	mips_cpu.pt_root = s->root;
	CP0_WRITE64(10, 0, s->asid & ENTRYHI_ASID);
	irq_restore(status);
}

void mips_space_deactivate(void)
{
	uint32_t status = irq_save();

	mips_cpu.pt_root = &mips_empty_root;
	CP0_WRITE64(10, 0, 0);
	irq_restore(status);
}

void mips_tlb_flush_page(uint64_t asid, vaddr_t va)
{
	uint32_t status;

	if ((asid ^ mips_cpu.asid_last) >> 8)            /* an old generation: no entries */
		return;
	status = irq_save();
	uint64_t active = active_asid();
	CP0_WRITE64(10, 0, (va & ENTRYHI_VPN2) | (asid & ENTRYHI_ASID));
	tlb_probe();
	uint32_t index = CP0_READ(0, 0);
	if (!(index & INDEX_P))
		tlb_invalidate(index);
	CP0_WRITE64(10, 0, active);
	irq_restore(status);
}

/* Load the active space's PTE pair for va into the TLB, over the entry
 * already there if there is one (two matching entries: machine check). */
static void tlb_load_pair(vaddr_t va, const pte_t *pair)
{
	CP0_WRITE64(10, 0, (va & ENTRYHI_VPN2) | active_asid());
	tlb_probe();
	uint32_t index = CP0_READ(0, 0);
	CP0_WRITE64(2, 0, pair[0]);
	CP0_WRITE64(3, 0, pair[1]);
	if (index & INDEX_P)
		tlb_write_random();
	else
		tlb_write_indexed();
}

/*
 * Without RI/XI every valid page can be read and executed, so any rights
 * allow a load or fetch; a store needs w.  Called from the trap path with
 * interrupts off.
 */
bool mips_tlb_fixup(vaddr_t va, bool write)
{
	pte_t *p;

	if (va >= PORT_USER_END)
		return false;
	p = mips_pt_find(mips_cpu.pt_root, va);
	if (!p || !*p || (write && !(pte_rights(*p) & 2)))
		return false;
	*p |= PTE_V | (write ? PTE_D : 0);
	tlb_load_pair(va, (const pte_t *)((uintptr_t)p & ~(2 * sizeof(pte_t) - 1)));
	return true;
}

/* probe.S */
extern char mips_probe_load_insn[], mips_probe_store_insn[], mips_probe_fail[];

bool mips_probe_fixup(struct trap_frame *f)
{
	if (f->epc != (word_t)mips_probe_load_insn && f->epc != (word_t)mips_probe_store_insn)
		return false;
	f->epc = (word_t)mips_probe_fail;
	return true;
}
