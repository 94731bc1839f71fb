/*
 * space_test.c - a boot-time check of the user page tables and ASIDs,
 * against the MMU itself: the kernel reads and writes through the user
 * aliases of pages it maps (the CPU has no PAN, or it is off), and asks the
 * MMU with AT what user mode may do.  Silent unless it fails, which panics.
 * It leaves TTBR0 off and kmem as it found it.
 */
#include "arch/space.h"
#include "kmem.h"
#include "panic.h"
#include "port.h"

#define R 4u
#define W 2u
#define X 1u

#define check(cond) \
	do { \
		if (unlikely(!(cond))) \
			panic("space selftest: %s (line %d)", #cond, __LINE__); \
	} while (0)

static uint64_t user_read(vaddr_t va)
{
	return *(volatile uint64_t *)va;
}

static void user_write(vaddr_t va, uint64_t v)
{
	*(volatile uint64_t *)va = v;
}

/* What the MMU says of an access to va: the physical address, or ~0 if
 * it would fault.  AT checks permissions but not execute-never. */
#define AT(op, va) ({ \
	__asm__ volatile("at " #op ", %0\n\tisb" : : "r"(va) : "memory"); \
	uint64_t par_ = read_sysreg(par_el1); \
	par_ & 1 ? ~(paddr_t)0 : (par_ & PTE_ADDR_MASK); })

static bool entry_is(struct port_space *s, vaddr_t va, paddr_t pa, unsigned rights)
{
	paddr_t got;
	unsigned r;

	return port_space_lookup(s, va, &got, &r) && got == pa && r == rights;
}

void arm_space_selftest(void)
{
	const vaddr_t lo = 0x10000, hi = PORT_USER_END - PAGE_SIZE;
	const unsigned written_if_readable = arm_hw_dirty ? 0 : W;
	size_t free_before = kmem_free_bytes();
	struct port_space a, b, c;
	uint64_t *fa = kmem_alloc(PAGE_SIZE), *fb = kmem_alloc(PAGE_SIZE), *fc = kmem_alloc(PAGE_SIZE);
	paddr_t pa_a = port_virt_to_phys(fa), pa_b = port_virt_to_phys(fb), pa_c = port_virt_to_phys(fc);
	paddr_t pa;
	unsigned rights;

	check(fa && fb && fc && port_space_init(&a) && port_space_init(&b) && port_space_init(&c));
	fa[0] = 0xa;
	fb[0] = 0xb;
	fc[0] = 0xc;

	/* Entries, as mapped: the first and the last user page. */
	check(port_space_map(&a, lo, pa_a, R | W));
	check(port_space_map(&a, hi, pa_a, R | X));
	check(port_space_map(&b, lo, pa_b, W));
	check(entry_is(&a, lo, pa_a, R | W) && entry_is(&a, hi, pa_a, R | X));
	check(entry_is(&a, lo + 8, pa_a, R | W));
	check(entry_is(&b, lo, pa_b, W));
	check(!port_space_lookup(&a, lo + PAGE_SIZE, &pa, &rights));
	check(!port_space_lookup(&b, hi, &pa, &rights));
	check(!port_space_lookup(&a, PORT_USER_END, &pa, &rights));

	/* The MMU agrees, and each space sees its own frame under one VA:
	 * the ASIDs keep their TLB entries apart without a flush. */
	port_space_activate(&a);
	check(user_read(lo) == 0xa && user_read(hi) == 0xa);
	user_write(lo, 0xa1);
	check(fa[0] == 0xa1);
	port_space_activate(&b);
	check(user_read(lo) == 0xb);
	port_space_activate(&a);
	check(user_read(lo) == 0xa1);

	/* What user mode may do, asked after the accesses above (so the
	 * access flags are set): rw at lo, r at hi, nothing elsewhere.  The
	 * kernel alias is never open to user mode. */
	check(AT(s1e0r, lo) == pa_a && AT(s1e0w, lo) == pa_a);
	check(AT(s1e0r, hi) == pa_a && AT(s1e0w, hi) == ~(paddr_t)0);
	check(AT(s1e0r, lo + PAGE_SIZE) == ~(paddr_t)0);
	check(AT(s1e0r, (vaddr_t)fa) == ~(paddr_t)0);
	check(AT(s1e1r, (vaddr_t)fa) == pa_a);

	/* Status: read and reset by every protect. */
	check(port_space_protect(&a, lo, R | W) == (R | W));    /* read and written above */
	check(port_space_protect(&a, lo, R | W) == 0);          /* nothing since */
	check(user_read(lo) == 0xa1);   /* without TCR.HA: an access-flag fault, fixed up */
	check(port_space_protect(&a, lo, R | W) == (R | written_if_readable));
	user_write(lo, 0xa2);
	check(port_space_protect(&a, lo, R | W) == (R | W));
	user_write(lo, 0xa2);
	check(port_space_map(&a, lo, pa_a, R | W));     /* the same frame: status kept */
	check(port_space_protect(&a, lo, R | W) == (R | W));

	/* Cutting rights: rw -> r; rights never grow back through protect. */
	check(port_space_protect(&a, lo, R) == 0 && entry_is(&a, lo, pa_a, R));
	check(user_read(lo) == 0xa2);
	check(AT(s1e0r, lo) == pa_a && AT(s1e0w, lo) == ~(paddr_t)0);
	check(port_space_protect(&a, lo, R | W | X) == R && entry_is(&a, lo, pa_a, R));
	check(port_space_protect(&a, hi, R) == R && entry_is(&a, hi, pa_a, R));

	/* Remapping a live entry to another frame takes effect at once. */
	check(port_space_map(&a, lo, pa_c, R | W));
	check(user_read(lo) == 0xc);

	/* Removing. */
	check(port_space_protect(&a, lo, 0) != 0 && !port_space_lookup(&a, lo, &pa, &rights));
	check(AT(s1e1r, lo) == ~(paddr_t)0);
	check(port_space_protect(&a, lo, R) == 0);
	check(port_space_map(&a, lo, pa_a, R | W));

	/* ASID rollover: with the limit at b's ASID, activating c starts a
	 * new generation and c takes ASID 1, a's in the old one; a and b then
	 * take new ASIDs in turn (b rolling over again).  No one may see
	 * another's page through a stale TLB entry. */
	check(port_space_map(&c, lo, pa_c, R));
	unsigned old_max = arm_asid_set_max(b.asid & 0xffff);
	port_space_activate(&c);
	check(user_read(lo) == 0xc);
	port_space_activate(&a);
	check(user_read(lo) == 0xa2);
	port_space_activate(&b);
	check(user_read(lo) == 0xb);
	port_space_activate(&c);
	check(user_read(lo) == 0xc);
	arm_asid_set_max(old_max);

	/* Freeing the active space turns TTBR0 off; every table goes back. */
	port_space_activate(&a);
	port_space_free(&b);
	port_space_free(&c);
	port_space_free(&a);
	check(arm_active_space == NULL && (read_sysreg(tcr_el1) & TCR_EPD0));
	kmem_free(fa, PAGE_SIZE);
	kmem_free(fb, PAGE_SIZE);
	kmem_free(fc, PAGE_SIZE);
	check(kmem_free_bytes() == free_before);
}
