/*
 * asid.c - address-space IDs, and which space TTBR0 holds.
 *
 * A space gets an ASID when it is first activated, from a counter; its TLB
 * entries (all nG) carry that tag, so switching spaces flushes nothing.
 * When the counter passes the top (255, or 65535 with TCR.AS), a new
 * generation begins: the whole TLB is flushed and the counter starts again
 * at 1, and a space whose ASID is from an older generation gets a new one
 * when it is next activated.  ASID 0 is never handed out.  A freed space's
 * ASID is not handed out again before the next generation's flush, so
 * nothing can hit its stale entries.
 *
 * s->asid = generation << 16 | ASID, with generations counted from 1, so 0
 * means "none yet".
 */
#include "arch/space.h"
#include "port.h"

#define ASID_MASK       UL(0xffff)
#define GENERATION_ONE  (ASID_MASK + 1)

struct port_space *arm_active_space;
static bool ttbr0_on;                   /* TCR.EPD0 clear: TTBR0 walks allowed */
uint64_t arm_asid_generation = GENERATION_ONE;    /* the IPC fast path reads it */
static unsigned next_asid = 1;
static unsigned max_asid;               /* from TCR.AS on first use */

static bool asid_live(const struct port_space *s)
{
	return (s->asid & ~ASID_MASK) == arm_asid_generation;
}

static uint64_t asid_field(const struct port_space *s)
{
	return (s->asid & ASID_MASK) << 48;     /* as TTBR0 and TLBI operands hold it */
}

/* No user space: TTBR0 misses fault instead of walking. */
static void ttbr0_off(void)
{
	write_sysreg(tcr_el1, read_sysreg(tcr_el1) | TCR_EPD0);
	isb();
	ttbr0_on = false;
	arm_active_space = NULL;
}

static void assign_asid(struct port_space *s)
{
	if (!max_asid)
		max_asid = (read_sysreg(tcr_el1) & TCR_AS) ? 0xffff : 0xff;
	if (next_asid > max_asid) {
		/* Walks off while the TLB empties, so that none refills it
		 * through the old TTBR0 with a tag about to be reused. */
		ttbr0_off();
		__asm__ volatile("tlbi vmalle1is\n\tdsb ish\n\tisb" ::: "memory");
		arm_asid_generation += GENERATION_ONE;
		next_asid = 1;
	}
	s->asid = arm_asid_generation | next_asid++;
}

void port_space_activate(struct port_space *s)
{
	if (s == arm_active_space)
		return;
	if (!asid_live(s))
		assign_asid(s);
	/* One write changes table and tag together (TCR.A1 = 0). */
	write_sysreg(ttbr0_el1, s->root_pa | asid_field(s));
	if (!ttbr0_on) {
		write_sysreg(tcr_el1, read_sysreg(tcr_el1) & ~TCR_EPD0);
		ttbr0_on = true;
	}
	isb();
	arm_active_space = s;
}

void arm_tlb_flush_page(const struct port_space *s, vaddr_t va)
{
	dsb_ishst();            /* the new entry first, then the invalidation */
	if (asid_live(s)) {     /* else the TLB holds nothing of s */
		uint64_t op = (va >> PAGE_SHIFT & ((UL(1) << 44) - 1)) | asid_field(s);
		__asm__ volatile("tlbi vale1is, %0\n\tdsb ish\n\tisb" : : "r"(op) : "memory");
	}
}

void arm_space_forget(struct port_space *s)
{
	if (s == arm_active_space)
		ttbr0_off();
	if (asid_live(s))
		__asm__ volatile("tlbi aside1is, %0\n\tdsb ish\n\tisb"
				 : : "r"(asid_field(s)) : "memory");
	s->asid = 0;
}

unsigned arm_asid_set_max(unsigned max)
{
	unsigned old = max_asid;

	if (!old)
		old = (read_sysreg(tcr_el1) & TCR_AS) ? 0xffff : 0xff;
	max_asid = max;
	return old;
}
