/* more_tests.c - smaller checks of calls and protocols: unmap status bits,
 * ExchangeRegisters and Schedule errors, yields, the clock. */
#include "l4test.h"

/* Unmap with no rights reads the referenced/written status, and resets it. */
static void unmap_status_bits(void)
{
	L4_Word_t page = sigma0_page();
	L4_Fpage_t f = L4_FpageLog2(page, 12);

	CHECK(page != 0);
	(void)L4_GetStatus(f);                          /* reset */
	*(volatile L4_Word_t *)page = 1;                /* a write */
	L4_Fpage_t st = L4_GetStatus(f);
	CHECK(L4_WasWritten(st));
	CHECK(L4_WasReferenced(st));
	st = L4_GetStatus(f);                           /* reported once */
	CHECK(!L4_WasWritten(st));
	CHECK_EQ(mapped_rights(page), 7);               /* and nothing revoked */
}

static void exregs_bad_thread(void)
{
	L4_Word_t control, dummy;
	L4_ThreadId_t pager;
	L4_ThreadId_t nobody = L4_GlobalId(L4_ThreadIdUserBase(kip) + 3990, 1);

	L4_ThreadId_t r = L4_ExchangeRegisters(nobody, 0, 0, 0, 0, 0, L4_nilthread, &control,
					       &dummy, &dummy, &dummy, &dummy, &pager);
	CHECK(L4_IsNilThread(r));
	CHECK_EQ(L4_ErrorCode(), 2);
	r = L4_ExchangeRegisters(L4_nilthread, 0, 0, 0, 0, 0, L4_nilthread, &control,
				 &dummy, &dummy, &dummy, &dummy, &pager);
	CHECK(L4_IsNilThread(r));
}

static void schedule_time_point_refused(void)
{
	L4_ThreadId_t t = start_local(block_forever_ipc, 0, 100);
	L4_Word_t old;

	/* A time point is no slice length: error 5. */
	CHECK_EQ(L4_Schedule(t, 0x8001ul << 16 | 0xffff, ~0ul, ~0ul, ~0ul, &old), 0);
	CHECK_EQ(L4_ErrorCode(), 5);
	kill_thread(t);
}

static volatile unsigned turns;

static void take_turn(L4_Word_t unused)
{
	(void)unused;
	for (;;) {
		turns++;
		L4_Yield();
	}
}

/* Yield gives the CPU to the next thread of the same priority. */
static void yield_round_robin(void)
{
	L4_ThreadId_t t = start_local(take_turn, 0, 255);

	turns = 0;
	for (int i = 0; i < 5; i++)
		L4_Yield();
	CHECK(turns >= 4 && turns <= 6);        /* one turn for each of ours */
	kill_thread(t);
}

static void clock_is_monotonic(void)
{
	L4_Word_t last = L4_SystemClock().raw;

	for (int i = 0; i < 1000; i++) {
		L4_Word_t now = L4_SystemClock().raw;
		CHECK(now >= last);
		last = now;
	}
}

static void kernel_interface_outside_the_kip(void)
{
	L4_Word_t version, flags, id;

	/* KernelInterface is a system call: it works without reading the KIP. */
	void *k = L4_KernelInterface(&version, &flags, &id);
	CHECK(k == kip);
	CHECK_EQ(id >> 24, 0x50);
}

const struct test more_tests[] = {
	{ "mapping", "unmap_status_bits", unmap_status_bits },
	{ "exregs", "nonexistent_thread_error_2", exregs_bad_thread },
	{ "scheduling", "time_point_slice_error_5", schedule_time_point_refused },
	{ "scheduling", "yield_round_robin", yield_round_robin },
	{ "scheduling", "clock_is_monotonic", clock_is_monotonic },
	{ "kip", "kernel_interface_call", kernel_interface_outside_the_kip },
	{ 0 },
};
