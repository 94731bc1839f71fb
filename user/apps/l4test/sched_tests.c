/* sched_tests.c - priorities, preemption, Schedule, ThreadSwitch, clock. */
#include "l4test.h"

static volatile L4_Word_t order[4];
static volatile unsigned order_n;

static void log_and_report(L4_Word_t id)
{
	order[order_n++] = id;
	report(id);
}

static void higher_priority_runs_first(void)
{
	order_n = 0;
	L4_ThreadId_t low = start_local(log_and_report, 1, 50);
	L4_ThreadId_t high = start_local(log_and_report, 2, 200);
	L4_Word_t v;

	/* Both are ready; when we block, the higher one must go first. */
	CHECK(get_report(high, &v));
	CHECK(get_report(low, &v));
	CHECK_EQ(order_n, 2);
	CHECK_EQ(order[0], 2);
	CHECK_EQ(order[1], 1);
	kill_thread(low);
	kill_thread(high);
}

static volatile L4_Word_t spins[2];

static void busy(L4_Word_t which)
{
	for (;;)
		spins[which]++;
}

/* Watches the two busy threads; reports once both have made progress. */
static void watcher(L4_Word_t unused)
{
	(void)unused;
	while (spins[0] < 1000 || spins[1] < 1000)
		;
	report(1);
}

static void preemption_round_robin(void)
{
	L4_Word_t v;

	spins[0] = spins[1] = 0;
	/* Three busy threads at one priority, none ever yields: only the
	 * timer's preemption lets the watcher see both others progress. */
	L4_ThreadId_t a = start_local(busy, 0, 20), b = start_local(busy, 1, 20);
	L4_ThreadId_t w = start_local(watcher, 0, 20);
	L4_Set_Timeslice(a, L4_TimePeriod(1000), L4_Never);
	L4_Set_Timeslice(b, L4_TimePeriod(1000), L4_Never);
	L4_Set_Timeslice(w, L4_TimePeriod(1000), L4_Never);
	CHECK(get_report(w, &v));
	CHECK(spins[0] >= 1000 && spins[1] >= 1000);
	kill_thread(a);
	kill_thread(b);
	kill_thread(w);
}

static void schedule_call(void)
{
	L4_ThreadId_t t = start_local(block_forever_ipc, 0, 100);
	L4_Word_t old;

	L4_ThreadSwitch(t);
	L4_Word_t result = L4_Schedule(t, ~0ul, ~0ul, ~0ul, ~0ul, &old);
	CHECK_EQ(result, 7);                    /* receiving */
	CHECK(L4_Set_Priority(t, 120) != 0);
	CHECK(L4_Set_Priority(L4_Myself(), 255) != 0);  /* our own, unchanged */
	result = L4_Schedule(L4_GlobalId(L4_ThreadIdUserBase(kip) + 3998, 1), ~0ul, ~0ul, ~0ul, ~0ul, &old);
	CHECK_EQ(result, 0);
	CHECK_EQ(L4_ErrorCode(), 2);            /* no such thread */
	kill_thread(t);
}

static void thread_switch_donates(void)
{
	L4_ThreadId_t t = start_local(log_and_report, 9, 10);   /* far below us */
	L4_Word_t v;

	order_n = 0;
	L4_ThreadSwitch(t);                     /* it runs now, despite its priority */
	CHECK_EQ(order_n, 1);
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 9);
	kill_thread(t);
}

static void system_clock_advances(void)
{
	L4_Clock_t a = L4_SystemClock();
	L4_ThreadId_t t = start_local(busy, 0, 255);

	L4_ThreadSwitch(t);                     /* at least a slice passes */
	L4_Clock_t b = L4_SystemClock();
	CHECK(b.raw > a.raw);
	kill_thread(t);
}

/* A spent total quantum stops the thread and tells its scheduler (us) by
 * the X.2 time-fault message; our reply, after a new quantum, lets it go on. */
static void total_quantum_stops_a_thread(void)
{
	L4_ThreadId_t t = start_local(busy, 0, 20);
	L4_Word_t old, w;

	spins[0] = 0;
	/* 3 ms of CPU in all, in 10 ms slices: it must stop after its quantum. */
	CHECK(L4_Set_Timeslice(t, L4_TimePeriod(10000), L4_TimePeriod(3000)) != 0);
	L4_MsgTag_t tag = L4_Receive(t);        /* we are its scheduler */
	CHECK(L4_IpcSucceeded(tag));
	CHECK_EQ(L4_Label(tag), 0xffffffffffd0ul);      /* -3 << 4: a time fault */
	CHECK_EQ(L4_UntypedWords(tag), 2);
	L4_StoreMR(1, &w);
	CHECK(w > 0 && w <= L4_SystemClock().raw);      /* the clock */
	L4_Word_t after = spins[0];
	CHECK(after > 0);
	L4_ThreadSwitch(t);                     /* stopped: it does not run */
	CHECK_EQ(spins[0], after);
	CHECK_EQ(L4_Schedule(t, ~0ul, ~0ul, ~0ul, ~0ul, &old), 7);     /* waiting for us */
	CHECK(L4_Set_Timeslice(t, L4_TimePeriod(10000), L4_TimePeriod(3000)) != 0);
	L4_LoadMR(0, 0);
	CHECK(L4_IpcSucceeded(L4_Reply(t)));
	L4_ThreadSwitch(t);                     /* a new quantum: it runs again */
	CHECK(spins[0] > after);
	kill_thread(t);
}

const struct test sched_tests[] = {
	{ "scheduling", "higher_priority_runs_first", higher_priority_runs_first },
	{ "scheduling", "preemption_round_robin", preemption_round_robin },
	{ "scheduling", "schedule_call", schedule_call },
	{ "scheduling", "thread_switch_donates", thread_switch_donates },
	{ "scheduling", "system_clock_advances", system_clock_advances },
	{ "scheduling", "total_quantum_stops_a_thread", total_quantum_stops_a_thread },
	{ 0 },
};

/* ---- Delayed preemption ---- */

static volatile bool waker_ran;

static void waker(L4_Word_t delay_us)
{
	L4_Sleep(L4_TimePeriod(delay_us));
	waker_ran = true;
	report(1);
}

/* Spin with preemption delayed (if asked) until the kernel says a
 * preemption is pending, or 200 ms pass; report whether the waker had run
 * by then (it must not have, if the kernel held it off), then yield. */
static void delicate(L4_Word_t delay)
{
	if (delay)
		L4_DisablePreemption();
	L4_Word_t start = L4_SystemClock().raw, pending = 0;
	while (!waker_ran && L4_SystemClock().raw - start < 200000)
		if ((pending = L4_PreemptionPending()))
			break;
	L4_Word_t result = pending << 1 | waker_ran;
	L4_EnablePreemption();
	L4_Yield();
	report(result);
}

static void delayed_preemption(void)
{
	L4_Word_t v;

	waker_ran = false;
	L4_ThreadId_t d = start_local(delicate, 1, 100);
	CHECK(L4_Set_PreemptionDelay(d, 150, 20000) != 0);
	L4_ThreadId_t w = start_local(waker, 3000, 120);
	CHECK(get_report(w, &v));               /* it ran in the end ... */
	CHECK(get_report(d, &v));
	CHECK_EQ(v, 2);                         /* ... but after d saw I, not before */
	kill_thread(d);
	kill_thread(w);
}

static void undelayed_preemption(void)
{
	L4_Word_t v;

	waker_ran = false;
	L4_ThreadId_t d = start_local(delicate, 0, 100);        /* no d flag */
	CHECK(L4_Set_PreemptionDelay(d, 150, 20000) != 0);
	L4_ThreadId_t w = start_local(waker, 3000, 120);
	CHECK(get_report(w, &v));
	CHECK(get_report(d, &v));
	CHECK_EQ(v, 1);                         /* the waker preempted it at once */
	kill_thread(d);
	kill_thread(w);
}

/* From a thread at priority 50: a sensitive priority above its own is
 * refused (error 1), one below is taken. */
static void set_sensitive(L4_Word_t target)
{
	L4_Word_t old, r1, r2;

	r1 = L4_Schedule((L4_ThreadId_t){ .raw = target }, ~0ul, ~0ul, ~0ul, 100ul << 16 | 10, &old);
	L4_Word_t e1 = L4_ErrorCode();
	r2 = L4_Schedule((L4_ThreadId_t){ .raw = target }, ~0ul, ~0ul, ~0ul, 40ul << 16 | 10, &old);
	report((r1 == 0 && e1 == 1) << 1 | (r2 != 0));
}

static void sensitive_priority_limit(void)
{
	L4_ThreadId_t t = start_local(block_forever_ipc, 0, 30);
	L4_ThreadId_t s = start_local(set_sensitive, t.raw, 50);
	L4_Word_t v;

	CHECK(get_report(s, &v));
	CHECK_EQ(v, 3);
	kill_thread(s);
	kill_thread(t);
}

const struct test preemption_tests[] = {
	{ "scheduling", "delayed_preemption", delayed_preemption },
	{ "scheduling", "preemption_without_delay", undelayed_preemption },
	{ "scheduling", "preemption_control_checks", sensitive_priority_limit },
	{ 0 },
};
