/* edge_tests.c - edge cases of the calls: bad areas, bad IDs, kernel areas
 * that mappings must not touch, and the privileged calls' results. */
#include "l4test.h"

static void spacecontrol_bad_areas(void)
{
	L4_ThreadId_t t = new_tid();
	L4_Word_t control;

	CHECK(L4_ThreadControl(t, t, L4_Myself(), L4_nilthread, (void *)~0ul));
	/* A UTCB area below the minimum (2^12): error 6. */
	CHECK(!L4_SpaceControl(t, 0, L4_FpageLog2((L4_Word_t)kip, 12),
			       L4_FpageLog2(0x1000100000ul, 11), L4_nilthread, &control));
	CHECK_EQ(L4_ErrorCode(), 6);
	/* A KIP area inside the UTCB area: error 7. */
	CHECK(!L4_SpaceControl(t, 0, L4_FpageLog2(0x1000100000ul, 12),
			       L4_FpageLog2(0x1000100000ul, 14), L4_nilthread, &control));
	CHECK_EQ(L4_ErrorCode(), 7);
	/* Beyond user space: error 6. */
	CHECK(!L4_SpaceControl(t, 0, L4_FpageLog2((L4_Word_t)kip, 12),
			       L4_FpageLog2(~0ul << 20, 14), L4_nilthread, &control));
	CHECK_EQ(L4_ErrorCode(), 6);
	CHECK(L4_SpaceControl(t, 0, L4_FpageLog2((L4_Word_t)kip, 12),
			      L4_FpageLog2(0x1000100000ul, 14), L4_nilthread, &control));
	/* Outside its UTCB area: error 6. */
	CHECK(!L4_ThreadControl(t, t, L4_nilthread, L4_Myself(), (void *)0x2000000000ul));
	CHECK_EQ(L4_ErrorCode(), 6);
	CHECK(L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void *)~0ul));
}

static void foreign_local_id(void)
{
	/* A local ID means nothing outside its space: error 2. */
	L4_ThreadId_t local = { .raw = L4_MyLocalId().raw + 4096 * 1024 };
	L4_MsgTag_t tag = send_words(local, 0, 0, NULL);

	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 2 << 1);
}

static void send_to_self(void)
{
	L4_LoadMR(0, 0);
	L4_MsgTag_t tag = L4_Send_Timeout(L4_Myself(), L4_ZeroTime);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 1 << 1);       /* we are not receiving: timeout */
}

/* A map into a window that covers the receiver's KIP: the KIP stays. */
static void map_never_over_the_kip(void)
{
	L4_Word_t page = sigma0_page(), v;
	L4_ThreadId_t t = start_remote(receive_page, (L4_Word_t)kip, 100);
	L4_Msg_t m;

	L4_MsgClear(&m);
	L4_MsgAppendMapItem(&m, L4_MapItem(L4_FpageAddRights(L4_FpageLog2(page, 12), 7), (L4_Word_t)kip));
	L4_MsgLoad(&m);
	CHECK(L4_IpcSucceeded(L4_Send(t)));
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 0);                         /* no mapping took the KIP's place */
	CHECK(get_report(t, &v));
	CHECK(v == ((L4_Word_t *)kip)[0]);      /* and it reads its KIP, not our page */
	CHECK(wait_unserved_fault());           /* its write to the KIP faults */
	kill_thread(t);
}

static void try_processor_control(L4_Word_t unused)
{
	(void)unused;
	L4_Word_t ok = L4_ProcessorControl(0, ~0ul, ~0ul, ~0ul);
	report(ok ? 0xbad : L4_ErrorCode());
}

static void processorcontrol_privilege(void)
{
	L4_Word_t v;
	L4_ThreadId_t t = start_remote(try_processor_control, 0, 100);

	CHECK(get_report(t, &v));
	CHECK_EQ(v, 1);
	kill_thread(t);
	CHECK(L4_ProcessorControl(0, ~0ul, ~0ul, ~0ul) != 0);  /* we may */
}

static void thread_switch_to_nobody(void)
{
	L4_ThreadSwitch(L4_GlobalId(L4_ThreadIdUserBase(kip) + 3993, 1));     /* a yield */
	CHECK(true);
	L4_Word_t before = L4_SystemClock().raw;
	L4_ThreadSwitch(L4_nilthread);
	CHECK(L4_SystemClock().raw >= before);
}

static void reply_wait_with_timeout(void)
{
	L4_ThreadId_t from;
	L4_Word_t start = L4_SystemClock().raw;

	/* Nobody to reply to (a zero send timeout fails) ... */
	L4_MsgTag_t tag = L4_ReplyWait_Timeout(L4_GlobalId(L4_ThreadIdUserBase(kip) + 3992, 1),
					       L4_TimePeriod(5000), &from);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), 2 << 1);       /* ... no such partner, send phase */
	tag = L4_Wait_Timeout(L4_TimePeriod(5000), &from);
	CHECK(L4_IpcFailed(tag));
	CHECK(L4_SystemClock().raw - start >= 5000);
}

static void pager_only_exregs(void)
{
	L4_ThreadId_t t = start_local(block_forever_ipc, 0, 100);

	L4_ThreadSwitch(t);
	L4_Set_PagerOf(t, main_tid);
	CHECK_EQ(L4_PagerOf(t).raw, main_tid.raw);
	CHECK_EQ(L4_UserDefinedHandleOf(t), 0);         /* nothing else changed */
	kill_thread(t);
}

const struct test edge_tests[] = {
	{ "privileges", "spacecontrol_bad_areas_errors_6_7", spacecontrol_bad_areas },
	{ "ipc", "foreign_local_id_error_2", foreign_local_id },
	{ "ipc", "send_to_self_zero_timeout", send_to_self },
	{ "mapping", "map_never_over_the_kip", map_never_over_the_kip },
	{ "privileges", "processorcontrol", processorcontrol_privilege },
	{ "scheduling", "thread_switch_to_nobody_yields", thread_switch_to_nobody },
	{ "timeouts", "reply_wait_with_timeouts", reply_wait_with_timeout },
	{ "exregs", "pager_only", pager_only_exregs },
	{ 0 },
};
