/*
 * fastpath_tests.c - the fast path and the slow path must be the same to a
 * receiver.  The same messages go to the same waiting receiver twice, once
 * with the kernel's fast path on and once with it off (L4_KDEBUG_FASTPATH);
 * the receiver records every register it sees after its Ipc returns and
 * every message register, and the two records must be identical.
 */
#include "l4test.h"
#include <string.h>

struct record {
	L4_Word_t regs[IPC_DUMP_WORDS];
	L4_Word_t mrs[64];
};

static struct record seen[2];
static volatile unsigned round_no;

/* Wait (open, like a server) and record what arrives; reply empty. */
static void recorder(L4_Word_t rounds)
{
	static const L4_Word_t seed_template[IPC_DUMP_WORDS] = {
		0x1111, 0x2222, 0x3333, 0x4444, 0x5555, 0x6666, 0x7777, 0x8888,
		0x9999, 0xaaaa, 0xbbbb, 0xcccc, 0xdddd, 0xeeee, 0xf0f0, 0x0f0f,
		0x1212, 0x2323, 0x3434, 0x4545, 0x5656, 0x6767, 0x7878, 0x8989,
		0x9a9a, 0xabab, 0xbcbc, 0xcdcd, 0xdede, 0xefef, 0xfafa, 0xafaf,
	};
	L4_Word_t seed[IPC_DUMP_WORDS];

	for (L4_Word_t r = 0; r < rounds; r++) {
		struct record *rec = &seen[r & 1];
		memcpy(seed, seed_template, sizeof seed);
		ipc_and_dump(L4_nilthread.raw, L4_anythread.raw, 0, 0, rec->regs, seed);
		L4_MsgTag_t tag;
		L4_StoreMR(0, &tag.raw);
		for (unsigned i = 1; i <= L4_UntypedWords(tag); i++)
			L4_StoreMR(i, &rec->mrs[i]);
		rec->mrs[0] = tag.raw;
		round_no = r + 1;
		L4_LoadMR(0, 0);
		L4_Reply(main_tid);
	}
}

static bool send_and_record(L4_ThreadId_t to, unsigned words, L4_Word_t label)
{
	L4_Msg_t m;

	L4_MsgClear(&m);
	for (unsigned i = 0; i < words; i++)
		L4_MsgAppendWord(&m, 0x1000 * words + i);
	L4_Set_MsgLabel(&m, label);
	L4_MsgLoad(&m);
	return L4_IpcSucceeded(L4_Call(to));
}

/*
 * Both records of one message, fast then slow; they must match exactly.
 * The kernel counts the IPCs its fast path does (L4_KDEBUG_STAT_FASTPATH):
 * the fast send must be one of them, the slow one not.  The fast send is
 * repeated (at most FAST_TRIES times) until it is: the recorder may not
 * be waiting yet the first time.  A kernel built without a fast path
 * refuses to switch it on, and FastPath(0) then says it was off.
 */
#define FAST_TRIES 3

static void compare_paths(L4_ThreadId_t server, unsigned words)
{
	bool went_fast = false;

	memset(seen, 0x5a, sizeof seen);        /* the recorder is waiting: not writing */
	L4_KDB_FastPath(1);
	for (unsigned i = 0; i < FAST_TRIES && !went_fast; i++) {
		L4_Word_t count = L4_KDB_Stats(L4_KDEBUG_STAT_FASTPATH);
		CHECK(send_and_record(server, words, 0x77));
		went_fast = L4_KDB_Stats(L4_KDEBUG_STAT_FASTPATH) > count;
	}
	bool fast = L4_KDB_FastPath(0);
	L4_Word_t count = L4_KDB_Stats(L4_KDEBUG_STAT_FASTPATH);
	CHECK(send_and_record(server, words, 0x77));
	CHECK_EQ(L4_KDB_Stats(L4_KDEBUG_STAT_FASTPATH), count);
	if (fast)
		CHECK(went_fast);
	L4_KDB_FastPath(1);
	for (unsigned i = 0; i < IPC_DUMP_WORDS; i++)
		CHECK_EQ(seen[0].regs[i], seen[1].regs[i]);
	for (unsigned i = 0; i <= words; i++)
		CHECK_EQ(seen[0].mrs[i], seen[1].mrs[i]);
	CHECK_EQ(seen[0].mrs[0] & 0x3f, words);
}

static void same_space(void)
{
	static const unsigned sizes[] = { 0, 1, 4, 8, 63 };
	L4_ThreadId_t s = start_local(recorder, (FAST_TRIES + 1) * 5, 255);

	for (unsigned i = 0; i < 5; i++)
		compare_paths(s, sizes[i]);
	kill_thread(s);
}

static void other_space(void)
{
	static const unsigned sizes[] = { 0, 2, 16, 63 };
	L4_ThreadId_t s = start_local(recorder, (FAST_TRIES + 1) * 4, 255);

	for (unsigned i = 0; i < 4; i++)
		compare_paths(s, sizes[i]);
	kill_thread(s);
}

/* Always ready at our priority: with it, the fast path puts the receiver
 * into a ready list that others are in, as the head or not.  (It starves
 * the pager at 254: the recorder is of our space, all of it mapped.) */
static void bystander(L4_Word_t arg)
{
	(void)arg;
	for (;;)
		L4_Yield();
}

static void others_ready(void)
{
	static const unsigned sizes[] = { 0, 4, 0, 4 };
	L4_ThreadId_t b = start_local(bystander, 0, 255);
	L4_ThreadId_t s = start_local(recorder, (FAST_TRIES + 1) * 4, 255);

	for (unsigned i = 0; i < 4; i++)
		compare_paths(s, sizes[i]);
	kill_thread(s);
	kill_thread(b);
}

const struct test fastpath_tests[] = {
	{ "fastpath", "same_registers_as_slow_path_same_space", same_space },
	{ "fastpath", "same_registers_as_slow_path_other_space", other_space },
	{ "fastpath", "same_registers_with_others_ready", others_ready },
	{ 0 },
};
