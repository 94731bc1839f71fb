/* last_tests.c - a few more checks across sections. */
#include "l4test.h"
#include <string.h>

#define STR(len, subs, compound) ((L4_Word_t)(len) << 10 | ((subs) - 1) << 4 | (compound) << 9)

static char reply_text[64] = "a reply that travels as a string item";
static char reply_box[128];

/* Serves one call: answers with a string item. */
static void string_server(L4_Word_t unused)
{
	L4_ThreadId_t from;
	(void)unused;
	L4_Wait(&from);
	L4_LoadMR(1, STR(40, 1, 0));
	L4_LoadMR(2, (L4_Word_t)reply_text);
	L4_LoadMR(0, 2 << 6);
	L4_Reply(from);
}

static void call_with_string_reply(void)
{
	L4_ThreadId_t t = start_remote(string_server, 0, 100);

	memset(reply_box, 0, sizeof reply_box);
	L4_LoadBR(0, 1);
	L4_LoadBR(1, STR(128, 1, 0));
	L4_LoadBR(2, (L4_Word_t)reply_box);
	L4_LoadMR(0, 0);
	L4_MsgTag_t tag = L4_Call(t);
	L4_LoadBR(0, 0);
	CHECK(L4_IpcSucceeded(tag));
	CHECK_EQ(L4_TypedWords(tag), 2);
	CHECK(memcmp(reply_box, reply_text, 40) == 0);
	CHECK_EQ(reply_box[40], 0);             /* and nothing more */
	kill_thread(t);
}

static void empty_string(L4_Word_t unused)
{
	L4_ThreadId_t from;
	(void)unused;
	L4_LoadBR(0, 1);
	L4_LoadBR(1, STR(16, 1, 0));
	L4_LoadBR(2, (L4_Word_t)reply_box);
	L4_MsgTag_t tag = L4_Wait(&from);
	report(L4_IpcFailed(tag) ? L4_ErrorCode() : 0x600d);
}

static void zero_length_string(void)
{
	L4_ThreadId_t t = start_local(empty_string, 0, 100);
	L4_Word_t v;

	L4_LoadMR(1, STR(0, 1, 0));
	L4_LoadMR(2, (L4_Word_t)reply_text);
	L4_LoadMR(0, 2 << 6);
	CHECK(L4_IpcSucceeded(L4_Send(t)));
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 0x600d);
	kill_thread(t);
}

static volatile unsigned ran_after;

static void receive_then_note(L4_Word_t unused)
{
	(void)unused;
	L4_Receive(main_tid);
	ran_after = 1;
	report(1);
}

/* A halted thread still receives, but does not run until resumed. */
static void halted_receiver(void)
{
	L4_ThreadId_t t = start_local(receive_then_note, 0, 200);
	L4_Word_t v;

	ran_after = 0;
	L4_ThreadSwitch(t);                     /* it waits for us */
	L4_Stop(t);
	L4_LoadMR(0, 0);
	CHECK(L4_IpcSucceeded(L4_Send(t)));     /* delivered ... */
	L4_ThreadSwitch(t);
	CHECK_EQ(ran_after, 0);                 /* ... but it is halted */
	L4_Start(t);
	CHECK(get_report(t, &v));
	CHECK_EQ(ran_after, 1);
	kill_thread(t);
}

/* A call whose receive half has a zero timeout: the send happens, the
 * receive fails at once. */
static void call_zero_receive(void)
{
	L4_ThreadId_t t = start_local(wait_then_block, 0, 100);

	L4_LoadMR(0, 0);
	L4_MsgTag_t tag = L4_Call_Timeouts(t, L4_Never, L4_ZeroTime);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), (1 << 1) | 1);
	kill_thread(t);
}

const struct test last_tests[] = {
	{ "strings", "call_with_a_string_reply", call_with_string_reply },
	{ "strings", "zero_length_string", zero_length_string },
	{ "exregs", "halted_receiver_waits_to_run", halted_receiver },
	{ "timeouts", "call_with_zero_receive_timeout", call_zero_receive },
	{ 0 },
};

static char victim_box[4096] __attribute__((aligned(4096)));

/* Waits for a string into victim_box (faulted in before it waits), and
 * reports the error code its receive ends with. */
static void victim_receiver(L4_Word_t unused)
{
	L4_ThreadId_t from;
	(void)unused;
	L4_LoadBR(0, 1);
	L4_LoadBR(1, STR(256, 1, 0));
	L4_LoadBR(2, (L4_Word_t)victim_box);
	/* A first wait that ends at once faults in everything the real one
	 * touches (its code, the stack, the buffer); then we say so, so that
	 * when main sees us receiving, it is the real wait, not a page fault. */
	for (int round = 0;; round++) {         /* one code path for both waits */
		L4_MsgTag_t tag = L4_Wait_Timeout(round ? L4_Never : L4_ZeroTime, &from);
		if (round) {
			report(L4_IpcFailed(tag) ? L4_ErrorCode() : 0);
			return;
		}
		report(0);
	}
}

/* The receiver's buffer page vanishes after it was faulted in: the copy
 * meets a fault in the partner's space: error 6 for us, 5 for it. */
static void transfer_fault_in_partner_space(void)
{
	L4_ThreadId_t t = start_remote(victim_receiver, 0, 100);
	L4_Word_t v, old;

	victim_box[0] = 1;                      /* ours is mapped */
	CHECK(get_report(t, &v));               /* it has faulted everything in */
	/* Let it reach its wait. */
	for (int i = 0; i < 100 && L4_Schedule(t, ~0ul, ~0ul, ~0ul, ~0ul, &old) != 7; i++)
		L4_Sleep(L4_TimePeriod(1000));
	CHECK_EQ(L4_Schedule(t, ~0ul, ~0ul, ~0ul, ~0ul, &old), 7);     /* receiving */
	L4_UnmapFpage(L4_FpageAddRights(L4_FpageLog2((L4_Word_t)victim_box, 12), L4_FullyAccessible));
	L4_LoadMR(1, STR(100, 1, 0));
	L4_LoadMR(2, (L4_Word_t)reply_text);
	L4_LoadMR(0, 2 << 6);
	L4_MsgTag_t tag = L4_Send(t);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode() & 0xf, 6 << 1);         /* in the partner's space, send phase */
	CHECK(get_report(t, &v));
	CHECK_EQ(v & 0xf, (5 << 1) | 1);                /* in its own space, receive phase */
	kill_thread(t);
}

const struct test last_tests2[] = {
	{ "strings", "transfer_fault_in_the_partners_space_error_6", transfer_fault_in_partner_space },
	{ 0 },
};
