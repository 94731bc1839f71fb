/*
 * mmu_test.c - the boot self-test of user address spaces on mips64.
 *
 * The kernel touches user addresses from kernel mode (KX=1 makes xkuseg
 * mapped, through the same TLB and ASIDs as user mode), so every path a
 * user access takes runs here: the assembly refill, the software V/D bits
 * on TLB-invalid and TLB-Mod, real faults (caught by mips_probe_*), TLB
 * flushes on protect, ASID tags across spaces and the ASID rollover.
 * It is silent when it passes and panics when it does not.
 */
#include "kmem.h"
#include "panic.h"
#include "port.h"
#include "tlb.h"

#define VA_EVEN   0x400000ul                    /* an even/odd pair of pages */
#define VA_ODD    (VA_EVEN + PAGE_SIZE)
#define VA_HOLE   0x10000000ul                  /* never mapped */
#define VA_TOP    (PORT_USER_END - PAGE_SIZE)   /* the last user page */
#define VA_KSEG2  0xffffffffc0000000ul          /* mapped kernel segment: no tables */
#define VA_HIGH_PA 0x20000000ul                 /* maps PA_HIGH, never touched */
#define PA_HIGH   0xffffff000ull                /* the last page of PABITS=36 */

#define MIPS_JR_RA      0x03e00008u             /* jr $ra */
#define MIPS_LI_V0_42   0x2402002au             /* addiu $v0, $zero, 42 */

static void check(bool ok, const char *what)
{
	if (!ok)
		panic("mmu selftest: %s", what);
}

static bool reads(vaddr_t va, word_t expect)
{
	word_t v = ~expect;

	return mips_probe_load(va, &v) == 0 && v == expect;
}

/* Make stores to [p, p+len) visible to instruction fetch (a no-op under
 * QEMU, which has no caches): synci each line, then sync. */
static void sync_icache(const void *p, size_t len)
{
	word_t step;

	__asm__ volatile("rdhwr %0, $1" : "=r"(step));        /* SYNCI_Step */
	if (step)
		for (uintptr_t a = (uintptr_t)p & ~(step - 1); a < (uintptr_t)p + len; a += step)
			__asm__ volatile("synci 0(%0)" :: "r"(a) : "memory");
	__asm__ volatile("sync" ::: "memory");
}

static bool faults(vaddr_t va)
{
	word_t v;

	return mips_probe_load(va, &v) == 1;
}

static void test_rights_and_status(struct port_space *a, word_t *frame, paddr_t pa)
{
	paddr_t got;
	unsigned rights;

	check(!port_space_lookup(a, VA_EVEN, &got, &rights), "lookup in an empty space");
	check(port_space_map(a, VA_EVEN, pa, 4), "map");
	check(port_space_lookup(a, VA_EVEN + 8, &got, &rights) && got == pa && rights == 4,
	      "lookup");
	port_space_activate(a);
	check(reads(VA_EVEN, frame[0]), "read a mapped page (refill, then V)");
	check(mips_probe_store(VA_EVEN, 1) == 1 && frame[0] != 1, "write to a read-only page faults");
	check(port_space_protect(a, VA_EVEN, 4) == 4, "a read reports referenced");
	check(port_space_protect(a, VA_EVEN, 4) == 0, "protect clears the status");

	check(port_space_map(a, VA_EVEN, pa, 6), "map again, writable");
	check(mips_probe_store(VA_EVEN, 0x1234) == 0 && frame[0] == 0x1234, "write a writable page");
	check(port_space_protect(a, VA_EVEN, 6) == 6, "a write reports written");
	check(reads(VA_EVEN, 0x1234), "read after protect");
	check(mips_probe_store(VA_EVEN, 0x5678) == 0 && frame[0] == 0x5678,
	      "write after a read (TLB Mod)");
	check(port_space_protect(a, VA_EVEN, 6) == 6, "written after a read");

	/* Cut a page the TLB holds writable: the entry must go. */
	check(mips_probe_store(VA_EVEN, 0x9abc) == 0, "write before the cut");
	check(port_space_protect(a, VA_EVEN, 4) == 6, "cut to read-only");
	check(port_space_lookup(a, VA_EVEN, &got, &rights) && rights == 4, "rights after the cut");
	check(mips_probe_store(VA_EVEN, 1) == 1 && frame[0] == 0x9abc,
	      "a cut page's old TLB entry was flushed");
	check(port_space_protect(a, VA_EVEN, 7) == 0 && port_space_lookup(a, VA_EVEN, &got, &rights) &&
	      rights == 4, "protect never adds rights");
}

static void test_layout(struct port_space *a, word_t *frames[3], paddr_t pa[3])
{
	paddr_t got;
	unsigned rights;

	/* The odd page of the pair shares the TLB entry with the even one. */
	check(port_space_map(a, VA_ODD, pa[1], 7), "map the odd page");
	check(reads(VA_ODD, frames[1][0]) && reads(VA_EVEN, frames[0][0]), "read both pages of a pair");
	check(faults(VA_HOLE), "an unmapped page faults");
	check(port_space_map(a, VA_TOP, pa[2], 4) && reads(VA_TOP, frames[2][0]), "the last user page");
	check(faults(PORT_USER_END), "xuseg beyond the tables faults");
	check(port_space_map(a, VA_HIGH_PA, PA_HIGH, 5) &&
	      port_space_lookup(a, VA_HIGH_PA, &got, &rights) && got == PA_HIGH && rights == 5 &&
	      port_space_protect(a, VA_HIGH_PA, 0) == 0, "the highest physical page");
	check(faults(VA_KSEG2), "a kseg2 miss faults");

	/* Execute from a user page: the fetch takes the same refill. */
	uint32_t *code = (uint32_t *)frames[2];
	code[0] = MIPS_JR_RA;
	code[1] = MIPS_LI_V0_42;
	sync_icache(code, 2 * sizeof(*code));
	check(((long (*)(void))VA_TOP)() == 42, "run code from a user page");

	check(port_space_protect(a, VA_ODD, 0) == 4, "remove a page");
	check(!port_space_lookup(a, VA_ODD, &got, &rights) && faults(VA_ODD), "a removed page faults");
	check(reads(VA_EVEN, frames[0][0]), "its pair neighbour stays");
}

/* Two spaces, one address: ASID tags keep their TLB entries apart, also
 * across a rollover of the 8-bit ASIDs. */
static void test_asids(struct port_space *a, word_t *frames[3], paddr_t pa[3])
{
	struct port_space b, t;
	uint64_t asid;

	check(port_space_init(&b) && port_space_map(&b, VA_EVEN, pa[1], 4), "a second space");
	port_space_activate(&b);
	check(reads(VA_EVEN, frames[1][0]), "the second space's page");
	port_space_activate(a);
	check(reads(VA_EVEN, frames[0][0]), "the first space's page, by ASID");

	/* t leaves a valid TLB entry behind; fresh spaces that touch nothing
	 * (so nothing evicts it) run through the ASIDs until one gets t's
	 * again.  Only the rollover's flush keeps it from seeing t's page. */
	check(port_space_init(&t) && port_space_map(&t, VA_EVEN, pa[2], 4), "a short-lived space");
	port_space_activate(&t);
	check(reads(VA_EVEN, frames[2][0]), "the short-lived space's page");
	asid = t.asid & ENTRYHI_ASID;
	port_space_free(&t);
	check(faults(VA_EVEN), "no user space after freeing the active one");
	for (unsigned i = 0;; i++) {
		check(i < 256 && port_space_init(&t), "ASIDs go round in 255 spaces");
		port_space_activate(&t);
		if ((t.asid & ENTRYHI_ASID) == asid)
			break;
		port_space_free(&t);
	}
	check(port_space_map(&t, VA_EVEN, pa[1], 4) && reads(VA_EVEN, frames[1][0]),
	      "a reused ASID sees only its own pages");
	port_space_free(&t);

	port_space_activate(&b);
	check(reads(VA_EVEN, frames[1][0]), "the second space after the rollover");
	port_space_activate(a);
	check(reads(VA_EVEN, frames[0][0]), "the first space after the rollover");
	port_space_free(&b);
}

void mips_mmu_selftest(void)
{
	size_t free_before = kmem_free_bytes();
	struct port_space a;
	word_t *frames[3];
	paddr_t pa[3];

	for (unsigned i = 0; i < 3; i++) {
		frames[i] = kmem_alloc(PAGE_SIZE);
		check(frames[i] != NULL, "no memory for the test");
		frames[i][0] = 0xf0f0f0f000000000ul + i;
		pa[i] = port_virt_to_phys(frames[i]);
	}
	check(port_space_init(&a), "init");
	test_rights_and_status(&a, frames[0], pa[0]);
	test_layout(&a, frames, pa);
	test_asids(&a, frames, pa);
	port_space_free(&a);
	check(faults(VA_EVEN), "a freed space is not active");
	for (unsigned i = 0; i < 3; i++)
		kmem_free(frames[i], PAGE_SIZE);
	check(kmem_free_bytes() == free_before, "page tables leaked");
}
