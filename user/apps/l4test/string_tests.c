/* string_tests.c - string items: simple, several substrings, compound,
 * several buffers, overflow, mixed with a map item, faults on the way,
 * and the transfer timeout. */
#include "l4test.h"
#include <string.h>

#define STR(len, subs, compound) ((L4_Word_t)(len) << 10 | ((subs) - 1) << 4 | (compound) << 9)

static char outbox[3][512] __attribute__((aligned(64)));
static char inbox[2][256] __attribute__((aligned(64)));
static char far_inbox[512] __attribute__((aligned(4096)));

static L4_Word_t sum(const char *p, unsigned n)
{
	L4_Word_t s = 0;
	for (unsigned i = 0; i < n; i++)
		s = s * 31 + (unsigned char)p[i];
	return s;
}

/* Receive into two 256-byte buffers (chained by the C bit), then report
 * the error code (0: fine) and a checksum of each buffer. */
static void string_receiver(L4_Word_t nbufs)
{
	L4_ThreadId_t from;

	memset(inbox, 0, sizeof inbox);
	L4_LoadBR(0, nbufs & 0x100 ? 0x11 : 1);         /* strings; and mappings anywhere? */
	nbufs &= 0xff;
	L4_LoadBR(1, STR(256, 1, 0) | (nbufs > 1));             /* C: another buffer follows */
	L4_LoadBR(2, (L4_Word_t)inbox[0]);
	L4_LoadBR(3, STR(256, 1, 0));
	L4_LoadBR(4, (L4_Word_t)inbox[1]);
	L4_MsgTag_t tag = L4_Wait(&from);
	report(L4_IpcFailed(tag) ? L4_ErrorCode() : 0);
	report(sum(inbox[0], 256));
	report(sum(inbox[1], 256));
}

static void fill(void)
{
	for (int b = 0; b < 3; b++)
		for (int i = 0; i < 512; i++)
			outbox[b][i] = (char)(b * 7 + i * 13 + 1);
}

static L4_MsgTag_t send_typed(L4_ThreadId_t to, unsigned t, const L4_Word_t *w)
{
	for (unsigned i = 0; i < t; i++)
		L4_LoadMR(1 + i, w[i]);
	L4_LoadMR(0, t << 6);
	return L4_Send(to);
}

/* What the receiver's first buffer should hold: the pieces, in order. */
static L4_Word_t expect(const char *a, unsigned na, const char *b, unsigned nb)
{
	char buf[256] = { 0 };
	memcpy(buf, a, na);
	memcpy(buf + na, b, nb);
	return sum(buf, 256);
}

static void check_reports(L4_ThreadId_t t, L4_Word_t err, L4_Word_t sum0, L4_Word_t sum1, unsigned *checks_failed)
{
	L4_Word_t v;
	*checks_failed = 1;
	if (!get_report(t, &v) || v != err) return;
	if (!get_report(t, &v) || v != sum0) return;
	if (!get_report(t, &v) || v != sum1) return;
	*checks_failed = 0;
}

static const char zeros[256];

static void simple_string(void)
{
	fill();
	L4_ThreadId_t t = start_local(string_receiver, 1, 100);
	L4_Word_t w[2] = { STR(100, 1, 0), (L4_Word_t)outbox[0] };
	unsigned bad;

	CHECK(L4_IpcSucceeded(send_typed(t, 2, w)));
	check_reports(t, 0, expect(outbox[0], 100, 0, 0), sum(zeros, 256), &bad);
	CHECK_EQ(bad, 0);
	kill_thread(t);
}

static void substrings(void)
{
	fill();
	L4_ThreadId_t t = start_local(string_receiver, 1, 100);
	L4_Word_t w[3] = { STR(40, 2, 0), (L4_Word_t)outbox[0], (L4_Word_t)outbox[1] };
	unsigned bad;

	CHECK(L4_IpcSucceeded(send_typed(t, 3, w)));
	check_reports(t, 0, expect(outbox[0], 40, outbox[1], 40), sum(zeros, 256), &bad);
	CHECK_EQ(bad, 0);
	kill_thread(t);
}

static void compound(void)
{
	fill();
	L4_ThreadId_t t = start_remote(string_receiver, 1, 100);
	L4_Word_t w[4] = { STR(30, 1, 1), (L4_Word_t)outbox[0], STR(50, 1, 0), (L4_Word_t)outbox[2] };
	unsigned bad;

	CHECK(L4_IpcSucceeded(send_typed(t, 4, w)));
	check_reports(t, 0, expect(outbox[0], 30, outbox[2], 50), sum(zeros, 256), &bad);
	CHECK_EQ(bad, 0);
	kill_thread(t);
}

static void two_strings_two_buffers(void)
{
	fill();
	L4_ThreadId_t t = start_remote(string_receiver, 2, 100);
	L4_Word_t w[4] = { STR(200, 1, 0), (L4_Word_t)outbox[1], STR(256, 1, 0), (L4_Word_t)outbox[2] };
	unsigned bad;

	CHECK(L4_IpcSucceeded(send_typed(t, 4, w)));
	check_reports(t, 0, expect(outbox[1], 200, 0, 0), sum(outbox[2], 256), &bad);
	CHECK_EQ(bad, 0);
	kill_thread(t);
}

static void overflow(void)
{
	fill();
	L4_ThreadId_t t = start_local(string_receiver, 1, 100);
	L4_Word_t w[2] = { STR(300, 1, 0), (L4_Word_t)outbox[0] };
	unsigned bad;

	L4_ThreadSwitch(t);                     /* it waits */
	L4_MsgTag_t tag = send_typed(t, 2, w);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode() & 0xf, 4 << 1);         /* overflow, send phase */
	check_reports(t, (4 << 1) | 1, sum(zeros, 256), sum(zeros, 256), &bad);
	CHECK_EQ(bad, 0);
	kill_thread(t);
}

static void wait_no_strings(L4_Word_t unused)
{
	L4_ThreadId_t from;
	(void)unused;
	L4_LoadBR(0, 0);                        /* no strings accepted */
	L4_MsgTag_t tag = L4_Wait(&from);
	report(L4_IpcFailed(tag) ? L4_ErrorCode() : 0);
}

static void not_accepted(void)
{
	L4_ThreadId_t t = start_local(wait_no_strings, 0, 100);
	L4_Word_t w[2] = { STR(10, 1, 0), (L4_Word_t)outbox[0], }, v;

	L4_ThreadSwitch(t);
	CHECK(L4_IpcFailed(send_typed(t, 2, w)));
	CHECK_EQ(L4_ErrorCode() & 0xf, 4 << 1);
	CHECK(get_report(t, &v));
	CHECK_EQ(v & 0xf, (4 << 1) | 1);
	kill_thread(t);
}

/* A receiver in another space whose buffer page it never touched: its
 * pager maps it before the copy. */
static void far_receiver(L4_Word_t timeout)
{
	L4_ThreadId_t from;
	L4_Set_XferTimeouts(timeout);
	L4_LoadBR(0, 1);
	L4_LoadBR(1, STR(512, 1, 0));
	L4_LoadBR(2, timeout ? 0x3000000000ul : (L4_Word_t)far_inbox);   /* a page nobody serves */
	L4_MsgTag_t tag = L4_Wait(&from);
	report(L4_IpcFailed(tag) ? L4_ErrorCode() : sum(far_inbox, 512));
}

static void receive_buffer_faults_to_pager(void)
{
	fill();
	L4_ThreadId_t t = start_remote(far_receiver, 0, 100);
	L4_Word_t w[2] = { STR(512, 1, 0), (L4_Word_t)outbox[2] }, v;

	CHECK(L4_IpcSucceeded(send_typed(t, 2, w)));
	CHECK(get_report(t, &v));
	CHECK_EQ(v, sum(outbox[2], 512));
	kill_thread(t);
}

static void transfer_timeout_error_5(void)
{
	/* Its buffer is in a page its pager will not map: its transfer
	 * timeout (5 ms) runs out, error 5, in its receive phase. */
	L4_ThreadId_t t = start_remote(far_receiver, L4_Timeouts(L4_TimePeriod(5000), L4_TimePeriod(5000)), 100);
	L4_Word_t v;

	CHECK(wait_unserved_fault());
	CHECK(get_report(t, &v));
	CHECK_EQ(v & 0xf, (5 << 1) | 1);
	kill_thread(t);
}

static void mixed_with_map_item(void)
{
	fill();
	L4_Word_t page = sigma0_page();
	L4_ThreadId_t t = start_remote(string_receiver, 1 | 0x100, 100);
	L4_Fpage_t f = L4_FpageAddRights(L4_FpageLog2(page, 12), 7);
	L4_Word_t w[4] = { L4_MapItem(f, page).raw[0], f.raw, STR(64, 1, 0), (L4_Word_t)outbox[0] };
	unsigned bad;

	CHECK(page != 0);
	CHECK(L4_IpcSucceeded(send_typed(t, 4, w)));
	check_reports(t, 0, expect(outbox[0], 64, 0, 0), sum(zeros, 256), &bad);
	CHECK_EQ(bad, 0);
	kill_thread(t);
}

const struct test string_tests[] = {
	{ "strings", "simple_string", simple_string },
	{ "strings", "two_substrings", substrings },
	{ "strings", "compound_string_other_space", compound },
	{ "strings", "two_strings_two_buffers", two_strings_two_buffers },
	{ "strings", "overflow_error_4", overflow },
	{ "strings", "not_accepted_error_4", not_accepted },
	{ "strings", "receive_buffer_fault_to_the_pager", receive_buffer_faults_to_pager },
	{ "strings", "transfer_timeout_error_5", transfer_timeout_error_5 },
	{ "strings", "alongside_other_items", mixed_with_map_item },
	{ 0 },
};
