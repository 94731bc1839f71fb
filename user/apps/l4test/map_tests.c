/* map_tests.c - map, grant and unmap between spaces; sigma0. */
#include "l4test.h"

#define REQ_RECEIVE_MAP 1       /* child: receive a mapping at arg, report a word from it */

/* Receive one map/grant item (window: the whole space), then report the
 * rights we got and the word at the address. */
void receive_page(L4_Word_t addr)
{
	L4_ThreadId_t from;

	L4_Accept(L4_MapGrantItems(L4_CompleteAddressSpace));
	L4_MsgTag_t tag = L4_Wait(&from);
	if (L4_IpcFailed(tag)) {
		report(0xdead);
		return;
	}
	report(mapped_rights(addr));
	report(*(volatile L4_Word_t *)addr);
	*(volatile L4_Word_t *)addr = 0x5eed;           /* visible to the sender? */
	report(0);
	for (;;) {              /* answer "are you still mapped at addr?" */
		L4_Receive(main_tid);
		report(mapped_rights(addr));
	}
}

static L4_MsgTag_t send_item(L4_ThreadId_t to, L4_Word_t addr, unsigned rights, bool grant)
{
	L4_Msg_t m;
	L4_Fpage_t f = L4_FpageAddRights(L4_FpageLog2(addr, 12), rights);

	L4_MsgClear(&m);
	if (grant)
		L4_MsgAppendGrantItem(&m, L4_GrantItem(f, addr));
	else
		L4_MsgAppendMapItem(&m, L4_MapItem(f, addr));
	L4_MsgLoad(&m);
	return L4_Send(to);
}

static L4_Word_t ask_rights(L4_ThreadId_t t)
{
	L4_Word_t v = 0xbad;

	L4_LoadMR(0, 0);
	L4_Send(t);
	get_report(t, &v);
	return v;
}

static void map_is_visible(void)
{
	L4_Word_t page = sigma0_page(), v;
	CHECK(page != 0);
	*(volatile L4_Word_t *)page = 0xc0ffee;
	L4_ThreadId_t t = start_remote(receive_page, page, 100);

	CHECK(L4_IpcSucceeded(send_item(t, page, L4_FullyAccessible, false)));
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 7);
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 0xc0ffee);                  /* the receiver sees our frame */
	CHECK(get_report(t, &v));
	CHECK_EQ(*(volatile L4_Word_t *)page, 0x5eed);  /* and we see its write */
	CHECK_EQ(mapped_rights(page), 7);       /* a map leaves ours in place */
	kill_thread(t);
}

static void map_read_only(void)
{
	L4_Word_t page = sigma0_page(), v;
	L4_ThreadId_t t = start_remote(receive_page, page, 100);

	CHECK(L4_IpcSucceeded(send_item(t, page, L4_Readable, false)));
	CHECK(get_report(t, &v));
	CHECK_EQ(v, L4_Readable);
	CHECK(get_report(t, &v));               /* reading works */
	CHECK(wait_unserved_fault());           /* its write faults to its pager */
	CHECK(L4_IsThreadEqual(unserved_fault.thread, t));
	CHECK_EQ(unserved_fault.addr, page);
	CHECK(unserved_fault.label & 2);
	kill_thread(t);
}

static void grant_moves_the_page(void)
{
	L4_Word_t page = sigma0_page(), v;
	*(volatile L4_Word_t *)page = 0x6a;
	L4_ThreadId_t t = start_remote(receive_page, page, 100);

	CHECK_EQ(mapped_rights(page), 7);
	CHECK(L4_IpcSucceeded(send_item(t, page, L4_FullyAccessible, true)));
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 7);
	CHECK_EQ(mapped_rights(page), 0);       /* ours is gone */
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 0x6a);
	CHECK(get_report(t, &v));
	kill_thread(t);
}

static void wait_any_no_window(L4_Word_t unused)
{
	L4_ThreadId_t from;

	(void)unused;
	L4_Accept(L4_UntypedWordsAcceptor);
	L4_MsgTag_t tag = L4_Wait(&from);
	report(L4_IpcFailed(tag) ? L4_ErrorCode() : 0);
}

static void no_window_refused(void)
{
	L4_Word_t page = sigma0_page();
	L4_ThreadId_t t = start_local(wait_any_no_window, 0, 100);

	L4_ThreadSwitch(t);                     /* waits with BR0 = 0: no mappings */
	L4_Msg_t m;
	L4_MsgClear(&m);
	L4_MsgAppendMapItem(&m, L4_MapItem(L4_FpageAddRights(L4_FpageLog2(page, 12), 7), page));
	L4_MsgLoad(&m);
	L4_MsgTag_t tag = L4_Send_Timeout(t, L4_ZeroTime);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 4 << 1);       /* not accepted: overflow, send phase */
	L4_Word_t v;
	CHECK(get_report(t, &v));
	CHECK_EQ(v, (4 << 1) | 1);              /* and the receiver's side: receive phase */
	kill_thread(t);
}

/* A middle link: receive the page, pass it on to the next thread. */
static void relay_page(L4_Word_t next)
{
	L4_ThreadId_t from;
	L4_Msg_t m;

	L4_Accept(L4_MapGrantItems(L4_CompleteAddressSpace));
	L4_MsgTag_t tag = L4_Wait(&from);
	L4_MsgStore(tag, &m);
	L4_MapItem_t item;
	L4_MsgGetMapItem(&m, 0, &item);
	L4_MsgClear(&m);
	L4_MsgAppendMapItem(&m, item);
	L4_MsgLoad(&m);
	L4_Send((L4_ThreadId_t){ .raw = next });
	L4_Word_t addr = L4_MapItemSndBase(item);
	report(mapped_rights(addr));
	for (;;) {
		L4_Receive(main_tid);
		report(mapped_rights(addr));
	}
}

static void unmap_revokes_chain(void)
{
	L4_Word_t page = sigma0_page(), v;
	L4_Word_t nodes = L4_KDB_Stats(L4_KDEBUG_STAT_MAPPINGS);
	L4_ThreadId_t b = start_remote(receive_page, page, 100);
	L4_ThreadId_t a = start_remote(relay_page, b.raw, 100);

	CHECK(L4_IpcSucceeded(send_item(a, page, L4_FullyAccessible, false)));
	CHECK(get_report(a, &v));
	CHECK_EQ(v, 7);                         /* A has it */
	CHECK(get_report(b, &v));
	CHECK_EQ(v, 7);                         /* B has it from A */
	CHECK(get_report(b, &v));
	CHECK(get_report(b, &v));
	CHECK(L4_KDB_Stats(L4_KDEBUG_STAT_MAPPINGS) > nodes + 2);

	L4_UnmapFpage(L4_FpageAddRights(L4_FpageLog2(page, 12), L4_FullyAccessible));
	CHECK_EQ(ask_rights(a), 0);             /* revoked from A ... */
	CHECK_EQ(ask_rights(b), 0);             /* ... and from B, through A */
	CHECK_EQ(mapped_rights(page), 7);       /* but not from us: no flush */
	L4_Flush(L4_FpageAddRights(L4_FpageLog2(page, 12), L4_FullyAccessible));
	CHECK_EQ(mapped_rights(page), 0);       /* flush: ours too */
	kill_thread(a);
	kill_thread(b);
}

static void unmap_write_only(void)
{
	L4_Word_t page = sigma0_page(), v;
	L4_ThreadId_t t = start_remote(receive_page, page, 100);

	CHECK(L4_IpcSucceeded(send_item(t, page, L4_FullyAccessible, false)));
	for (int i = 0; i < 3; i++)
		CHECK(get_report(t, &v));
	L4_UnmapFpage(L4_FpageAddRights(L4_FpageLog2(page, 12), L4_Writable));
	CHECK_EQ(ask_rights(t), L4_Readable | L4_eXecutable);
	kill_thread(t);
}

static void sigma0_hands_out_pages(void)
{
	L4_Word_t a = sigma0_page(), b = sigma0_page();

	CHECK(a != 0 && b != 0 && a != b);
	CHECK_EQ(mapped_rights(a), 7);
	*(volatile L4_Word_t *)a = 1;
	*(volatile L4_Word_t *)b = 2;
	CHECK_EQ(*(volatile L4_Word_t *)a, 1);
	/* Asking for a page we own again gives it again. */
	L4_ThreadId_t s0 = L4_GlobalId(L4_ThreadIdUserBase(kip), 1);
	L4_Fpage_t f = L4_Sigma0_GetPage(s0, L4_FpageLog2(a, 12));
	CHECK(!L4_IsNilFpage(f));
	CHECK_EQ(L4_Address(f), a);
}

static void pools_back_to_start(void)
{
	L4_Word_t threads = thread_count(), nodes = L4_KDB_Stats(L4_KDEBUG_STAT_MAPPINGS), v;
	L4_Word_t page = sigma0_page();
	L4_ThreadId_t t = start_remote(receive_page, page, 100);

	CHECK(L4_IpcSucceeded(send_item(t, page, L4_FullyAccessible, false)));
	for (int i = 0; i < 3; i++)
		CHECK(get_report(t, &v));
	CHECK(L4_KDB_Stats(L4_KDEBUG_STAT_MAPPINGS) > nodes);
	kill_thread(t);
	CHECK_EQ(thread_count(), threads);
	/* What stays: our new page, and sigma0's root mapping of it. */
	CHECK_EQ(L4_KDB_Stats(L4_KDEBUG_STAT_MAPPINGS), nodes + 2);
}

const struct test map_tests[] = {
	{ "mapping", "map_is_visible_both_ways", map_is_visible },
	{ "mapping", "map_read_only", map_read_only },
	{ "mapping", "grant_moves_the_page", grant_moves_the_page },
	{ "mapping", "no_receive_window_error_4", no_window_refused },
	{ "mapping", "unmap_revokes_a_chain_of_three", unmap_revokes_chain },
	{ "mapping", "unmap_write_right_only", unmap_write_only },
	{ "mapping", "sigma0_hands_out_pages", sigma0_hands_out_pages },
	{ "mapping", "pools_back_to_start", pools_back_to_start },
	{ 0 },
};
