/*
 * fuzz_tests.c - a first robustness check: an unprivileged thread in its
 * own space makes thousands of system calls with random arguments (seeded,
 * so a failure repeats), and afterwards the kernel must still work.  The
 * full fuzzer is issue 6's.
 */
#include "l4test.h"

static L4_Word_t rng_state;

static L4_Word_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* A random word, biased towards values that mean something to the kernel. */
static L4_Word_t arg(void)
{
	static const L4_Word_t interesting[] = {
		0, 1, ~0ul, ~0ul << 6, 0x400, 0x8000, 0xffff, 1ul << 47, 1ul << 63,
	};
	switch (rnd() % 4) {
	case 0: return interesting[rnd() % (sizeof interesting / sizeof interesting[0])];
	case 1: return L4_GlobalId(rnd() % 4200, rnd() % 3).raw;        /* thread IDs, good and bad */
	case 2: return rnd() & 0xfffffffffffful;
	default: return rnd();
	}
}

#define FUZZ_CALLS 3000

static void fuzzer(L4_Word_t seed)
{
	rng_state = seed | 1;
	/* Random string items name random memory: let their page faults fail
	 * at once instead of waiting for a pager that will not answer. */
	L4_Set_XferTimeouts(L4_Timeouts(L4_ZeroTime, L4_ZeroTime));
	for (unsigned i = 0; i < FUZZ_CALLS; i++) {
		L4_Word_t a[7];
		for (int k = 0; k < 7; k++)
			a[k] = arg();
		for (int k = 1; k < 64; k += 1 + rnd() % 8)
			L4_LoadMR(k, arg());
		L4_Word_t call = rnd() % (L4_SYS_COUNT + 2);    /* and two unknown numbers */
		switch (call) {
		case L4_SYS_IPC:
		case L4_SYS_LIPC:
			a[2] = L4_Timeouts(L4_ZeroTime, L4_ZeroTime);   /* never block for ever */
			L4_LoadMR(0, arg() & ~(0xffful << 6));
			break;
		case L4_SYS_EXCHANGE_REGISTERS:
			a[0] = L4_MyLocalId().raw;              /* the only thread it could touch */
			a[1] &= (1 << 6) | (1 << 9);            /* but not its own IP, SP, flags or state */
			break;
		case L4_SYS_THREAD_SWITCH:
			break;
		case L4_SYS_KDEBUG:
			if (a[0] == L4_KDEBUG_PUTC || a[0] == L4_KDEBUG_GETC)
				a[0] = L4_KDEBUG_STATS;         /* keep the console clean */
			break;
		case L4_SYS_COUNT:
		case L4_SYS_COUNT + 1:
			continue;       /* unknown calls halt us without a handler: tested elsewhere */
		}
		__L4_Trap(call, a);
	}
	report(FUZZ_CALLS);
}

static void random_calls_unprivileged(void)
{
	L4_Word_t v, threads = thread_count();

	for (L4_Word_t seed = 1; seed <= 3; seed++) {
		L4_ThreadId_t t = start_remote(fuzzer, seed * 0x9e3779b97f4a7c15ul, 100);
		printf("    fuzz: seed %lu\n", seed);
		CHECK(get_report(t, &v));
		CHECK_EQ(v, FUZZ_CALLS);
		kill_thread(t);
	}
	CHECK_EQ(thread_count(), threads);
	/* The kernel still works: a thread, a call, a mapping. */
	L4_ThreadId_t s = start_remote(report_value_plus_one, 41, 100);
	CHECK(get_report(s, &v));
	CHECK_EQ(v, 42);
	kill_thread(s);
	CHECK(sigma0_page() != 0);
}

const struct test fuzz_tests[] = {
	{ "privileges", "random_calls_from_an_unprivileged_space", random_calls_unprivileged },
	{ 0 },
};
