/* timeout_tests.c - IPC timeouts: periods, points, send and receive halves. */
#include "l4test.h"

static L4_Word_t now_us(void) { return L4_SystemClock().raw; }

static void sleep_period(void)
{
	L4_Word_t start = now_us();

	L4_Sleep(L4_TimePeriod(5000));
	CHECK(now_us() - start >= 5000);
	CHECK_EQ(L4_ErrorCode(), (1 << 1) | 1);         /* a receive timeout */
	CHECK(now_us() - start < 1000000);              /* and not much later */
}

static void receive_timeout(void)
{
	L4_Word_t start = now_us();
	L4_ThreadId_t from;
	L4_MsgTag_t tag = L4_Wait_Timeout(L4_TimePeriod(10000), &from);

	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), (1 << 1) | 1);
	CHECK(now_us() - start >= 10000);
}

static void send_timeout(void)
{
	L4_ThreadId_t t = start_local(block_forever_ipc, 0, 100);
	L4_Word_t start = now_us();

	L4_LoadMR(0, 0);
	L4_MsgTag_t tag = L4_Send_Timeout(t, L4_TimePeriod(8000));
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 1 << 1);               /* a send timeout */
	CHECK(now_us() - start >= 8000);
	kill_thread(t);
}

static void sender_after(L4_Word_t delay_us)
{
	L4_Sleep(L4_TimePeriod(delay_us));
	L4_Word_t w = 5;
	send_words(main_tid, 0x66, 1, &w);
}

static void partner_in_time(void)
{
	L4_ThreadId_t t = start_local(sender_after, 2000, 100);
	L4_MsgTag_t tag = L4_Receive_Timeout(t, L4_TimePeriod(500000));

	CHECK(L4_IpcSucceeded(tag));
	CHECK_EQ(L4_Label(tag), 0x66);
	kill_thread(t);
}

static void call_receive_timeout(void)
{
	/* The server takes the message but never replies: the call's receive
	 * half times out, only after its send half succeeded. */
	L4_ThreadId_t t = start_local(wait_then_block, 0, 100);
	L4_Word_t start = now_us();

	L4_LoadMR(0, 0);
	L4_MsgTag_t tag = L4_Call_Timeouts(t, L4_Never, L4_TimePeriod(6000));
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), (1 << 1) | 1);
	CHECK(now_us() - start >= 6000);
	kill_thread(t);
}

/* An absolute time point: 16 ms ahead, rounded to its 2^e µs grain. */
static void time_point(void)
{
	L4_Word_t now = now_us();
	unsigned e = 4;
	L4_Word_t target = now + 16000, m = (target >> e) & 0x3ff, c = (target >> (e + 10)) & 1;
	L4_Time_t point = { .raw = (L4_Word16_t)(0x8000 | e << 11 | c << 10 | m) };
	L4_ThreadId_t from;

	L4_MsgTag_t tag = L4_Wait_Timeout(point, &from);
	L4_Word_t after = now_us();
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), (1 << 1) | 1);
	CHECK(after >= (target & ~(L4_Word_t)((1 << e) - 1)));
	CHECK(after < now + 16000 + 20000);
}

static void many_timeouts_in_order(void)
{
	/* Three sleepers with different periods wake in deadline order. */
	L4_ThreadId_t t[3];

	sleep_log_reset();
	static const L4_Word_t delays[3] = { 9000, 3000, 6000 };
	for (int i = 0; i < 3; i++)
		t[i] = start_local(sleeper_logging, delays[i], 200);
	L4_Sleep(L4_TimePeriod(20000));
	CHECK_EQ(sleep_log_count(), 3);
	CHECK_EQ(sleep_log(0), 3000);
	CHECK_EQ(sleep_log(1), 6000);
	CHECK_EQ(sleep_log(2), 9000);
	for (int i = 0; i < 3; i++)
		kill_thread(t[i]);
}

const struct test timeout_tests[] = {
	{ "timeouts", "sleep_period", sleep_period },
	{ "timeouts", "receive_timeout_error_1", receive_timeout },
	{ "timeouts", "send_timeout_error_1", send_timeout },
	{ "timeouts", "partner_before_the_timeout", partner_in_time },
	{ "timeouts", "call_receive_half", call_receive_timeout },
	{ "timeouts", "absolute_time_point", time_point },
	{ "timeouts", "deadlines_in_order", many_timeouts_in_order },
	{ 0 },
};
