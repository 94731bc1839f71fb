/* ipc_tests.c - send, receive, call, reply-wait; open and closed waits;
 * untyped words; errors. */
#include "l4test.h"

/* An echo server: each reply carries the words + 1 and the label + 1. */
static void echo_server(L4_Word_t rounds)
{
	L4_ThreadId_t from;
	L4_MsgTag_t tag = L4_Wait(&from);

	while (rounds--) {
		L4_Msg_t m;
		L4_MsgStore(tag, &m);
		unsigned u = L4_UntypedWords(tag);
		for (unsigned i = 0; i < u; i++)
			L4_MsgPutWord(&m, i, L4_MsgWord(&m, i) + 1);
		L4_Set_MsgLabel(&m, L4_Label(tag) + 1);
		L4_MsgLoad(&m);
		if (!rounds) {
			L4_Reply(from);
			break;
		}
		tag = L4_ReplyWait(from, &from);
	}
}

/* Call server with n words; check the reply. */
static bool call_words(L4_ThreadId_t server, unsigned n)
{
	L4_Msg_t m;

	L4_MsgClear(&m);
	for (unsigned i = 0; i < n; i++)
		L4_MsgAppendWord(&m, 1000 * n + i);
	L4_Set_MsgLabel(&m, 0x100 + n);
	L4_MsgLoad(&m);
	L4_MsgTag_t tag = L4_Call(server);
	if (L4_IpcFailed(tag) || L4_UntypedWords(tag) != n || L4_TypedWords(tag) != 0 ||
	    L4_Label(tag) != 0x101 + n)
		return false;
	L4_MsgStore(tag, &m);
	for (unsigned i = 0; i < n; i++)
		if (L4_MsgWord(&m, i) != 1000 * n + i + 1)
			return false;
	return true;
}

static void call_sizes(L4_ThreadId_t server)
{
	static const unsigned sizes[] = { 0, 1, 8, 63 };
	for (unsigned i = 0; i < 4; i++)
		CHECK(call_words(server, sizes[i]));
}

static void call_local(void)
{
	L4_ThreadId_t s = start_local(echo_server, 4, 100);
	call_sizes(s);
	kill_thread(s);
}

static void call_remote(void)
{
	L4_ThreadId_t s = start_remote(echo_server, 4, 100);
	call_sizes(s);
	kill_thread(s);
}

static void call_by_local_id(void)
{
	L4_ThreadId_t s = start_local(echo_server, 1, 100);
	CHECK(call_words(L4_LocalIdOf(s), 3));
	kill_thread(s);
}

/* Receives one message, reports the sum of its words and who sent it. */
static void summer(L4_Word_t unused)
{
	L4_ThreadId_t from;
	(void)unused;
	L4_MsgTag_t tag = L4_Wait(&from);
	L4_Word_t sum = 0, w;
	for (unsigned i = 1; i <= L4_UntypedWords(tag); i++) {
		L4_StoreMR(i, &w);
		sum += w;
	}
	report(sum + (L4_SameThreads(from, main_tid) ? 1000 : 0) +
	       (L4_IsLocalId(from) ? 10000 : 0));
}

static void send_then_receive(void)
{
	L4_Word_t w[3] = { 1, 2, 3 }, v;
	L4_ThreadId_t t = start_remote(summer, 0, 100);

	L4_ThreadSwitch(t);             /* let it reach its receive */
	CHECK(L4_IpcSucceeded(send_words(t, 9, 3, w)));
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 1006);              /* another space: it saw our global ID */
	kill_thread(t);
}

static void send_blocks_until_received(void)
{
	L4_Word_t w[2] = { 20, 22 }, v;
	L4_ThreadId_t t = start_local(summer, 0, 100);

	/* It has not run yet: our send waits until it receives. */
	CHECK(L4_IpcSucceeded(send_words(t, 9, 2, w)));
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 11042);             /* our space: it saw our local ID */
	kill_thread(t);
}

static void sender(L4_Word_t value)
{
	send_words(main_tid, 0x55, 1, &value);
}

static void receive_from_blocked_sender(void)
{
	L4_ThreadId_t t = start_remote(sender, 77, 100);
	L4_Word_t w;

	L4_ThreadSwitch(t);                     /* it blocks sending to us */
	L4_MsgTag_t tag = L4_Receive(t);
	CHECK(L4_IpcSucceeded(tag));
	CHECK_EQ(L4_Label(tag), 0x55);
	L4_StoreMR(1, &w);
	CHECK_EQ(w, 77);
	kill_thread(t);
}

static void reply_wait_serves_many(void)
{
	L4_ThreadId_t s = start_local(echo_server, 6, 100);
	for (unsigned n = 0; n < 6; n++)
		CHECK(call_words(s, n));
	kill_thread(s);
}

static void open_wait(void)
{
	L4_ThreadId_t a = start_remote(sender, 1, 100), b = start_local(sender, 2, 100);
	L4_Word_t seen = 0, w;
	L4_ThreadId_t from;

	for (int i = 0; i < 2; i++) {
		L4_MsgTag_t tag = L4_Wait(&from);
		CHECK(L4_IpcSucceeded(tag));
		L4_StoreMR(1, &w);
		seen |= w;
		if (w == 1)
			CHECK_EQ(from.raw, a.raw);      /* another space: its global ID */
		else
			CHECK_EQ(from.raw, L4_LocalIdOf(b).raw);        /* ours: its local ID */
	}
	CHECK_EQ(seen, 3);
	kill_thread(a);
	kill_thread(b);
}

static void closed_wait(void)
{
	L4_ThreadId_t a = start_local(sender, 1, 100), b = start_local(sender, 2, 100);
	L4_Word_t w;

	L4_ThreadSwitch(b);             /* b waits to send to us */
	L4_MsgTag_t tag = L4_Receive(a);        /* but we take only a */
	CHECK(L4_IpcSucceeded(tag));
	L4_StoreMR(1, &w);
	CHECK_EQ(w, 1);
	tag = L4_Receive_Timeout(a, L4_ZeroTime);       /* a has nothing more */
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), (1 << 1) | 1);         /* timeout, receive phase */
	tag = L4_Receive(b);
	L4_StoreMR(1, &w);
	CHECK_EQ(w, 2);
	kill_thread(a);
	kill_thread(b);
}

static void anylocal_wait(void)
{
	L4_ThreadId_t remote = start_remote(sender, 1, 100), local = start_local(sender, 2, 100);
	L4_ThreadId_t from;
	L4_Word_t w;

	L4_ThreadSwitch(remote);
	L4_ThreadSwitch(local);
	L4_MsgTag_t tag = L4_Ipc(L4_nilthread, L4_anylocalthread, L4_Timeouts(L4_Never, L4_Never), &from);
	CHECK(L4_IpcSucceeded(tag));
	L4_StoreMR(1, &w);
	CHECK_EQ(w, 2);
	CHECK(L4_IsLocalId(from));
	tag = L4_Ipc(L4_nilthread, L4_anylocalthread, L4_Timeouts(L4_Never, L4_ZeroTime), &from);
	CHECK(L4_IpcFailed(tag));               /* the remote sender does not count */
	tag = L4_Receive(remote);
	CHECK(L4_IpcSucceeded(tag));
	kill_thread(remote);
	kill_thread(local);
}

static void nonexistent_partner(void)
{
	L4_ThreadId_t nobody = L4_GlobalId(L4_ThreadIdUserBase(kip) + 3999, 1);

	L4_MsgTag_t tag = send_words(nobody, 0, 0, NULL);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 2 << 1);       /* no partner, send phase */
	L4_LoadMR(0, 0);
	tag = L4_Call(nobody);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 2 << 1);
	tag = L4_Receive(nobody);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), (2 << 1) | 1); /* receive phase */
}

static void stale_version(void)
{
	L4_ThreadId_t t = start_local(block_forever_ipc, 0, 100);
	L4_ThreadId_t stale = L4_GlobalId(L4_ThreadNo(t), L4_Version(t) + 1);

	L4_MsgTag_t tag = send_words(stale, 0, 0, NULL);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 2 << 1);
	kill_thread(t);
	tag = send_words(t, 0, 0, NULL);        /* deleted: gone too */
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 2 << 1);
}

static void zero_timeout_no_partner(void)
{
	L4_ThreadId_t from;
	L4_MsgTag_t tag = L4_Wait_Timeout(L4_ZeroTime, &from);

	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), (1 << 1) | 1);
	L4_ThreadId_t t = start_local(block_forever_ipc, 0, 100);
	tag = L4_Send_Timeout(t, L4_ZeroTime);  /* it is not receiving from us */
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 1 << 1);
	kill_thread(t);
}

static void too_many_words(void)
{
	L4_ThreadId_t t = start_local(summer, 0, 100);

	L4_ThreadSwitch(t);
	L4_LoadMR(0, 63 | (2 << 6));            /* u + t = 65 > 63 */
	L4_MsgTag_t tag = L4_Send(t);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode() >> 1 & 7, 4);   /* message overflow */
	kill_thread(t);
}

static void deleting_receiver_wakes_sender(void)
{
	L4_ThreadId_t t = start_remote(block_forever_ipc, 0, 100);

	/* Its only wait is for itself: our send can never be taken. */
	L4_ThreadId_t killer = start_local(kill_after_switch, t.raw, 100);
	L4_MsgTag_t tag = send_words(t, 0, 0, NULL);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 2 << 1);
	kill_thread(killer);
}

/* Lipc: Ipc within one space, by local IDs only. */
static void lipc_local(void)
{
	L4_ThreadId_t s = start_local(echo_server, 1, 100);
	L4_Word_t w;

	L4_LoadMR(0, 0x2a << 16 | 1);
	L4_LoadMR(1, 41);
	L4_MsgTag_t tag = L4_Lcall(L4_LocalIdOf(s));
	CHECK(L4_IpcSucceeded(tag));
	CHECK_EQ(L4_Label(tag), 0x2b);
	L4_StoreMR(1, &w);
	CHECK_EQ(w, 42);
	L4_LoadMR(0, 0);
	tag = L4_Lcall(s);                      /* a global ID is not for Lipc */
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 2 << 1);
	kill_thread(s);
}

const struct test ipc_tests[] = {
	{ "ipc", "call_0_1_8_63_words_same_space", call_local },
	{ "ipc", "call_0_1_8_63_words_other_space", call_remote },
	{ "ipc", "call_by_local_id", call_by_local_id },
	{ "ipc", "lipc_within_a_space", lipc_local },
	{ "ipc", "send_then_receive", send_then_receive },
	{ "ipc", "send_blocks_until_received", send_blocks_until_received },
	{ "ipc", "receive_from_blocked_sender", receive_from_blocked_sender },
	{ "ipc", "reply_wait_serves_many", reply_wait_serves_many },
	{ "ipc", "open_wait_any_thread", open_wait },
	{ "ipc", "closed_wait", closed_wait },
	{ "ipc", "anylocal_wait", anylocal_wait },
	{ "ipc", "nonexistent_partner_error_2", nonexistent_partner },
	{ "ipc", "stale_version_error_2", stale_version },
	{ "ipc", "zero_timeout_error_1", zero_timeout_no_partner },
	{ "ipc", "too_many_words_error_4", too_many_words },
	{ "ipc", "deleted_receiver_error_2", deleting_receiver_wakes_sender },
	{ 0 },
};
