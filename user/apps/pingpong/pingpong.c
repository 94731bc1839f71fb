/*
 * pingpong.c - the IPC benchmark, running as the root server.
 *
 * A client (this roottask's main thread) calls a server that answers every
 * message with a reply-and-wait carrying the same tag, so the same number
 * of untyped words goes each way.  The client reads the port's cycle
 * counter before and after ROUND_TRIPS calls; one-way IPC = the difference
 * / (2 * ROUND_TRIPS), as L4Ka::Pistachio's pingpong measures it (the round
 * trip timed in user mode around the call, divided by 2).
 *
 * Cases:
 *   case=inter  the server is alone in a new address space;
 *   case=intra  the server is a second thread of our own space;
 *   words=0, 4, 8, 16, 32, 63 untyped words (MR1...MRu) each way;
 *   path=fast   the kernel's IPC fast path switched on (L4_KDB_FastPath(1));
 *   path=slow   switched off (L4_KDB_FastPath(0)): every IPC of the case,
 *               both ways, then takes the C slow path, the code a kernel
 *               booted with pecan.nofastpath runs (docs/benchmarks.md).
 * Every case is warmed up first (WARMUP round trips: page faults, TLB, the
 * server reaching its loop), then timed BATCHES times, each batch starting
 * just after a timer tick so that no timer interrupt falls into a batch
 * that is shorter than the tick period (1 ms; under -icount shift=0, 10^6
 * instructions); the smallest batch counts.  Longer batches include their
 * ticks (about 120 instructions each on x86_64).
 *
 * Output, one line per case (tools/bench and the bench-<port> test parse it):
 *   pingpong: port=P case=inter words=0 path=fast round_trips=1000
 *             instructions=N one_way=X.XX kernel=Y.YY ticks=T
 * instructions: the counter's difference over the round trips, in
 * instructions (on mips64, from Count and the scale measured at start-up);
 * one_way = instructions / 2000; kernel = one_way minus the benchmark loop's
 * own user-mode instructions (PP_CLIENT_USER + PP_SERVER_USER per round
 * trip), i.e. from the trap instruction to the partner's return to user
 * mode; ticks: the timer interrupts inside the timed batch (their cost is
 * included).  Under QEMU -icount shift=0 a count is one guest instruction.
 * Before the cases, the counter's calibration line; after them, the same
 * numbers as a table; then "pingpong: done" and a power-off, with exit
 * status 0 only if the calibration passed and every case ran.
 */
#include <l4/ipc.h>
#include <l4/kdebug.h>
#include <l4/kip.h>
#include <l4/message.h>
#include <l4/schedule.h>
#include <l4/space.h>
#include <l4/thread.h>
#include <l4/types.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "pingpong_arch.h"

#ifndef PP_COUNTER_DELTA
#define PP_COUNTER_DELTA(t1, t0) ((t1) - (t0))
#endif

#define ROUND_TRIPS 1000
#define BATCHES     3
#define WARMUP      100
#define PRIO        255         /* the roottask's: client and servers alike (TEST6) */
#define PAGER_PRIO  254

static const unsigned word_counts[] = { 0, 4, 8, 16, 32, 63 };
#define NWORDS (sizeof word_counts / sizeof word_counts[0])

static void *kip;
static L4_ThreadId_t main_tid, pager_tid, sigma0_tid;
static unsigned next_thread;
static unsigned failures;

/* ---- The counter ------------------------------------------------------------
 * x86_64's and aarch64's counters count guest instructions under -icount
 * shift=0: a stamp is one read, elapsed instructions are the difference.
 * mips64's Count ticks once per S instructions: the calibration measures S
 * against loops of known length, and stamps (a burst of reads, see
 * mips64/pingpong_arch.h) then give elapsed instructions exactly; if S is
 * not a small whole number, ticks times the measured scale instead.
 * Either way the calibration then times a loop of known length with stamps,
 * and it must come out at its length plus a few instructions.
 */
#if PP_COUNTER_SCALED
static uint64_t scale_ppm = 1000000;    /* instructions per count, in millionths */
static unsigned scale_int;              /* S, when the burst stamps apply */
static bool stamps_exact;
#else
static const bool stamps_exact = true;
#endif

static L4_Word64_t tick_us;             /* the system clock's step (timer tick) */

#define CAL_N     200000        /* loops of 0.4 and 0.8 ms of virtual time: under a tick */
#define CAL_TRIES 5

/* Return just after a timer tick (the system clock counts ticks), so that
 * what follows, if shorter than the tick period, sees no timer interrupt. */
static L4_Word64_t wait_tick(void)
{
	L4_Word64_t c = L4_SystemClock().raw, now;
	while ((now = L4_SystemClock().raw) == c)
		;
	return now;
}

/* Instructions from the end of stamp t0 to the start of stamp t1. */
static uint64_t elapsed(const pp_stamp_t *t0, const pp_stamp_t *t1)
{
#if PP_COUNTER_SCALED
	uint64_t a, b;
	if (stamps_exact && pp_stamp_time(t0, scale_int, &a) && pp_stamp_time(t1, scale_int, &b)) {
		uint64_t wrap = (uint64_t)scale_int << 32;      /* Count is 32 bits */
		uint64_t d = (b % wrap + wrap - a % wrap) % wrap;
		return d - (PP_BURST - 1);
	}
	return (PP_COUNTER_DELTA(t1->r[0], t0->r[PP_BURST - 1]) * scale_ppm + 500000) / 1000000;
#else
	return *t1 - *t0;
#endif
}

/* The smallest raw counter delta over a loop of known length. */
static uint64_t best_known_loop(int extra)
{
	uint64_t best = ~(uint64_t)0;
	for (int i = 0; i < CAL_TRIES; i++) {
		uint64_t c0 = pp_counter();
		pp_known_loop(CAL_N, extra);
		uint64_t d = PP_COUNTER_DELTA(pp_counter(), c0);
		if (d < best)
			best = d;
	}
	return best;
}

static void print_ppm(uint64_t ppm)
{
	uint64_t v = (ppm + 50) / 100;          /* in 1/10000 */
	printf("%lu.%04lu", (unsigned long)(v / 10000), (unsigned long)(v % 10000));
}

/* Two loops of known length, the second twice the first: counts per
 * instruction must agree (to 0.1%), and the longer loop gives the scale.
 * Then the longer loop once more, timed with stamps right after a tick:
 * its length plus the few instructions around it (0 to 32). */
static void calibrate(void)
{
	uint64_t n1 = PP_KNOWN_LOOP_INSNS((uint64_t)CAL_N, 0), n2 = PP_KNOWN_LOOP_INSNS((uint64_t)CAL_N, 1);
	uint64_t c1 = best_known_loop(0), c2 = best_known_loop(1);
	uint64_t s1 = c1 ? n1 * 1000000 / c1 : 0, s2 = c2 ? n2 * 1000000 / c2 : 0;
	uint64_t diff = s1 > s2 ? s1 - s2 : s2 - s1;
	bool ok = s1 && s2 && diff * 1000 <= s2;

#if PP_COUNTER_SCALED
	if (s2) {
		scale_ppm = s2;
		uint64_t whole = (s2 + 500000) / 1000000;
		uint64_t off = s2 > whole * 1000000 ? s2 - whole * 1000000 : whole * 1000000 - s2;
		if (whole >= 1 && whole < PP_BURST && off * 10000 <= whole * 1000000) {
			scale_int = (unsigned)whole;            /* within 0.01% of S */
			stamps_exact = true;
		}
	}
#endif

	pp_stamp_t t0, t1;
	L4_Word64_t c = wait_tick();
	tick_us = wait_tick() - c;              /* the clock's step: one tick */
	pp_stamp(&t0);
	pp_known_loop(CAL_N, 1);
	pp_stamp(&t1);
	uint64_t measured = elapsed(&t0, &t1);
	ok = ok && measured >= n2 && measured <= n2 + 32;

	printf("pingpong: port=%s counter=%s calibration loop_instructions=%lu counts=%lu "
	       "check_instructions=%lu check_counts=%lu scale=", PECAN_PORT_NAME, PP_COUNTER_NAME,
	       (unsigned long)n2, (unsigned long)c2, (unsigned long)n1, (unsigned long)c1);
	print_ppm(s2);
	printf(" check_scale=");
	print_ppm(s1);
	printf(" timed_loop=%lu applied=%s check=%s\n", (unsigned long)measured,
	       !PP_COUNTER_SCALED ? "none" : stamps_exact ? "edges" : "ticks",
	       ok ? "ok" : "MISMATCH");
	if (!ok)
		failures++;
}

/* ---- Threads (the patterns of l4test's util.c) ------------------------------ */

#define STACK_SIZE 8192
#define CHILD_UTCB_AREA 0x1000100000ul
#define CHILD_UTCB_LOG2 14

/* x86_64 functions expect to be entered as if called (a return address
 * pushed); the others want the stack pointer aligned. */
#if defined(__x86_64__)
#define ENTRY_SP_BIAS 8
#else
#define ENTRY_SP_BIAS 0
#endif

enum { STACK_PAGER, STACK_INTRA, STACK_INTER, NSTACKS };
static char stacks[NSTACKS][STACK_SIZE] __attribute__((aligned(STACK_SIZE)));

static L4_Word_t stack_top(int i)
{
	return (L4_Word_t)stacks[i] + STACK_SIZE - 16 - ENTRY_SP_BIAS;
}

static L4_ThreadId_t new_tid(void)
{
	return L4_GlobalId(L4_ThreadIdUserBase(kip) + 16 + next_thread++, 1);
}

/* A thread of our own space (it pages through sigma0, as we do, but our
 * image is touched before it starts); UTCB slot n of our UTCB area. */
static L4_ThreadId_t start_local(void (*entry)(void), int stack, unsigned slot, unsigned prio)
{
	L4_ThreadId_t t = new_tid();
	/* Our own UTCB block is slot 0 of the area. */
	L4_Word_t utcb = L4_MyLocalId().raw - L4_UTCB_MR0_OFFSET + slot * (1ul << L4_UTCB_SIZE_LOG2);

	if (!L4_ThreadControl(t, L4_Myself(), L4_Myself(), sigma0_tid, (void *)utcb)) {
		printf("pingpong: FAILED: ThreadControl (local): error %lu\n", L4_ErrorCode());
		return L4_nilthread;
	}
	L4_Set_Priority(t, prio);
	L4_Start_SpIp(t, stack_top(stack), (L4_Word_t)entry);
	return t;
}

#define LABEL_START 0x5747      /* main -> pager: send this thread its start message */

/* A thread alone in a new space, running our code: the pager maps our
 * image's pages into the space 1:1 as they fault, so the thread shares our
 * code and data frames and has its own stack. */
static L4_ThreadId_t start_remote(void (*entry)(void), int stack, unsigned prio)
{
	L4_ThreadId_t t = new_tid();
	L4_Word_t control;
	L4_Msg_t m;

	if (!L4_ThreadControl(t, t, L4_Myself(), L4_nilthread, (void *)~0ul) ||
	    !L4_SpaceControl(t, 0, L4_FpageLog2((L4_Word_t)kip, 12),
			     L4_FpageLog2(CHILD_UTCB_AREA, CHILD_UTCB_LOG2), L4_nilthread, &control) ||
	    !L4_ThreadControl(t, t, L4_Myself(), pager_tid, (void *)CHILD_UTCB_AREA)) {
		printf("pingpong: FAILED: creating a space: error %lu\n", L4_ErrorCode());
		return L4_nilthread;
	}
	L4_Set_Priority(t, prio);
	/* Only a thread's pager may start it: ask ours. */
	L4_MsgClear(&m);
	L4_MsgAppendWord(&m, t.raw);
	L4_MsgAppendWord(&m, (L4_Word_t)entry);
	L4_MsgAppendWord(&m, stack_top(stack));
	L4_Set_MsgLabel(&m, LABEL_START);
	L4_MsgLoad(&m);
	if (L4_IpcFailed(L4_Call(pager_tid))) {
		printf("pingpong: FAILED: starting a thread in a new space\n");
		return L4_nilthread;
	}
	return t;
}

static bool in_image(L4_Word_t addr)
{
	L4_Word_t *k = kip;     /* X.2 KIP words 18, 19: the root server's low, high */
	return addr >= k[18] && addr < k[19];
}

static void pager_loop(void)
{
	L4_ThreadId_t from;
	L4_MsgTag_t tag = L4_Wait(&from);

	for (;;) {
		L4_Msg_t m;
		L4_MsgStore(tag, &m);
		bool fault = (L4_Label(tag) & ~(L4_Word_t)0xf) == (~(L4_Word_t)0x1f & 0xffffffffffffUL)
			     && L4_UntypedWords(tag) == 2;      /* label -2 << 4 | rwx, 48 bits */
		if (fault && in_image(L4_MsgWord(&m, 0))) {
			L4_Word_t addr = L4_MsgWord(&m, 0) & ~0xffful;
			L4_MsgClear(&m);
			L4_MsgAppendMapItem(&m, L4_MapItem(L4_FpageAddRights(
				L4_FpageLog2(addr, 12), L4_FullyAccessible), addr));
			L4_MsgLoad(&m);
			tag = L4_ReplyWait(from, &from);
		} else if (!fault && L4_Label(tag) == LABEL_START && L4_SameThreads(from, main_tid)) {
			/* The X.2 start message: MR1 = IP, MR2 = SP. */
			L4_ThreadId_t t = { .raw = L4_MsgWord(&m, 0) };
			L4_Word_t ip = L4_MsgWord(&m, 1), sp = L4_MsgWord(&m, 2);
			L4_MsgClear(&m);
			L4_MsgAppendWord(&m, ip);
			L4_MsgAppendWord(&m, sp);
			L4_MsgLoad(&m);
			L4_Send(t);
			L4_MsgClear(&m);
			L4_MsgLoad(&m);
			tag = L4_ReplyWait(from, &from);
		} else {
			printf("pingpong: pager: unexpected message (label %#lx, %lu words) from %#lx\n",
			       L4_Label(tag), L4_UntypedWords(tag), from.raw);
			tag = L4_Wait(&from);
		}
	}
}

/* Every server: reply-and-wait for ever to the client, main_tid's global ID
 * (a local ID would be legal but is slow-path-only: TEST2). */
static void server_entry(void)
{
	pp_server(main_tid.raw, L4_Timeouts(L4_ZeroTime, L4_Never));
}

/* ---- Measuring ----------------------------------------------------------- */

static void hundredths(uint64_t x100)
{
	printf("%lu.%02lu", (unsigned long)(x100 / 100), (unsigned long)(x100 % 100));
}

static const char *const space_names[2] = { "inter", "intra" };

/* One-way costs in hundredths, [inter/intra][fast/slow][words], for the summary. */
static uint64_t results[2][2][NWORDS];

static void measure(unsigned s, L4_ThreadId_t server, unsigned w, bool fast)
{
	const char *space = space_names[s];
	unsigned words = word_counts[w];
	L4_Word_t tag = words;                  /* label 0, no typed words, no flags */
	L4_Word_t timeouts = L4_Timeouts(L4_Never, L4_Never);
	uint64_t insns = ~(uint64_t)0, ticks = 0;
	L4_Word_t back = pp_client(server.raw, timeouts, tag, WARMUP);

	for (int b = 0; b < BATCHES && back == tag; b++) {
		pp_stamp_t t0, t1;
		L4_Word64_t c0 = wait_tick();
		pp_stamp(&t0);
		back = pp_client(server.raw, timeouts, tag, ROUND_TRIPS);
		pp_stamp(&t1);
		L4_Word64_t c1 = L4_SystemClock().raw;  /* not timed */
		uint64_t d = elapsed(&t0, &t1);
		if (d < insns) {
			insns = d;
			ticks = tick_us ? (c1 - c0) / tick_us : 0;
		}
	}
	if (back != tag) {
		printf("pingpong: FAILED: case=%s words=%u path=%s: reply tag %#lx, expected %#lx\n",
		       space, words, fast ? "fast" : "slow", back, tag);
		failures++;
		return;
	}

	uint64_t user = (uint64_t)ROUND_TRIPS * (PP_CLIENT_USER + PP_SERVER_USER);
	uint64_t one_way = (insns * 100 + ROUND_TRIPS) / (2 * ROUND_TRIPS);
	uint64_t kernel = insns > user ? ((insns - user) * 100 + ROUND_TRIPS) / (2 * ROUND_TRIPS) : 0;

	results[s][fast ? 0 : 1][w] = one_way;
	printf("pingpong: port=%s case=%s words=%u path=%s round_trips=%u instructions=%lu one_way=",
	       PECAN_PORT_NAME, space, words, fast ? "fast" : "slow", ROUND_TRIPS,
	       (unsigned long)insns);
	hundredths(one_way);
	printf(" kernel=");
	hundredths(kernel);
	printf(" ticks=%lu\n", (unsigned long)ticks);
}

int main(void)
{
	kip = L4_GetKernelInterface();
	main_tid = L4_Myself();
	sigma0_tid = L4_GlobalId(L4_ThreadIdUserBase(kip), 1);
	printf("pingpong: the Pecan IPC benchmark (%s), counter %s\n", PECAN_PORT_NAME, PP_COUNTER_NAME);

	/* sigma0 gives a page to the thread that asks first: touch all of our
	 * image now, so that our other threads never need to ask. */
	for (L4_Word_t a = ((L4_Word_t *)kip)[18]; a < ((L4_Word_t *)kip)[19]; a += 4096)
		(void)*(volatile char *)a;

	calibrate();

	pager_tid = start_local(pager_loop, STACK_PAGER, 1, PAGER_PRIO);
	L4_ThreadId_t intra = start_local(server_entry, STACK_INTRA, 2, PRIO);
	L4_ThreadId_t inter = L4_IsNilThread(pager_tid) ? L4_nilthread
				: start_remote(server_entry, STACK_INTER, PRIO);
	if (L4_IsNilThread(intra) || L4_IsNilThread(inter)) {
		printf("pingpong: FAILED: no servers\n");
		return 1;
	}

	/* The message registers are loaded once; the servers send back what
	 * the kernel copied into their UTCBs. */
	for (int i = 1; i < 64; i++)
		L4_LoadMR(i, 0x1000 + i);

	L4_Word_t was_on = L4_KDB_FastPath(1);
	L4_Word_t on = L4_KDB_FastPath(1);
	printf("pingpong: port=%s loop_user_instructions=%u+%u fast_path_switch=%s "
	       "round_trips=%u batches=%u warmup=%u\n", PECAN_PORT_NAME, PP_CLIENT_USER,
	       PP_SERVER_USER, on ? "on" : "absent", ROUND_TRIPS, BATCHES, WARMUP);

	L4_ThreadId_t servers[2] = { inter, intra };
	for (unsigned s = 0; s < 2; s++)
		for (int fast = 1; fast >= 0; fast--) {
			L4_KDB_FastPath(fast);
			for (unsigned w = 0; w < NWORDS; w++)
				measure(s, servers[s], w, fast);
		}
	L4_KDB_FastPath(was_on);

	/* The same numbers as a table, for people. */
	printf("pingpong: one-way IPC on %s: %s counts%s (guest instructions under QEMU -icount shift=0)\n",
	       PECAN_PORT_NAME, PP_COUNTER_NAME, PP_COUNTER_SCALED ? " times the scale" : "");
	printf("pingpong:   untyped words ");
	for (unsigned w = 0; w < NWORDS; w++)
		printf("%9u", word_counts[w]);
	printf("\n");
	for (unsigned s = 0; s < 2; s++)
		for (unsigned p = 0; p < 2; p++) {
			printf("pingpong:   %s-AS %s  ", space_names[s], p ? "slow" : "fast");
			for (unsigned w = 0; w < NWORDS; w++) {
				uint64_t v = results[s][p][w];
				printf("%6lu.%02lu", (unsigned long)(v / 100), (unsigned long)(v % 100));
			}
			printf("\n");
		}
	printf("pingpong: done%s\n", failures ? " (with failures)" : "");
	return failures ? 1 : 0;
}
