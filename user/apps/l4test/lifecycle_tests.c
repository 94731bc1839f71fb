/* lifecycle_tests.c - aborting IPC, deleting threads in the middle of IPC,
 * and running out of kernel memory. */
#include "l4test.h"

/* Block in a receive from nobody (ourselves), then report the error. */
static void receive_and_report(L4_Word_t unused)
{
	(void)unused;
	L4_Receive(L4_Myself());
	report(L4_ErrorCode());
}

static void abort_receive(void)
{
	L4_ThreadId_t t = start_local(receive_and_report, 0, 100);
	L4_Word_t v;

	L4_ThreadSwitch(t);                     /* it blocks */
	L4_ThreadState_t st = L4_AbortReceive_and_stop(t);
	CHECK(L4_ThreadWasReceiving(st));
	L4_Start(t);
	CHECK(get_report(t, &v));
	CHECK_EQ(v, (3 << 1) | 1);              /* cancelled, receive phase */
	kill_thread(t);
}

/* Send to a thread that never receives, then report the error. */
static void send_and_report(L4_Word_t to)
{
	L4_LoadMR(0, 0);
	L4_Send((L4_ThreadId_t){ .raw = to });
	report(L4_ErrorCode());
}

static void abort_send(void)
{
	L4_ThreadId_t sink = start_local(block_forever_ipc, 0, 100);
	L4_ThreadId_t t = start_local(send_and_report, sink.raw, 100);
	L4_Word_t v;

	L4_ThreadSwitch(sink);
	L4_ThreadSwitch(t);                     /* it blocks sending */
	L4_ThreadState_t st = L4_AbortSend_and_stop(t);
	CHECK(L4_ThreadWasSending(st));
	L4_Start(t);
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 3 << 1);                    /* cancelled, send phase */
	kill_thread(t);
	kill_thread(sink);
}

static void receiver_of_deleted_thread(void)
{
	L4_ThreadId_t t = start_remote(block_forever_ipc, 0, 100);
	L4_ThreadId_t killer = start_local(kill_after_switch, t.raw, 100);

	/* We wait for t alone; the killer deletes it while we wait. */
	L4_MsgTag_t tag = L4_Receive(t);
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), (2 << 1) | 1);         /* no partner, receive phase */
	kill_thread(killer);
}

/* Create threads, each in its own new, initialised space, until kernel
 * memory runs out: ThreadControl or SpaceControl must say so (error 8) and
 * the kernel go on; deleting them gives the memory back, so the same number
 * fits again.  The thread numbers are the same both times: numbers are a
 * resource too. */
#define FILL_BASE 1000          /* thread numbers above UserBase, clear of new_tid()'s */
#define FILL_MAX 2500

static unsigned fill_memory(L4_ThreadId_t *made, unsigned max, L4_Word_t *error)
{
	L4_Word_t control;
	unsigned n = 0;

	for (; n < max; n++) {
		L4_ThreadId_t t = L4_GlobalId(L4_ThreadIdUserBase(kip) + FILL_BASE + n, 1);
		if (!L4_ThreadControl(t, t, L4_Myself(), L4_nilthread, (void *)~0ul)) {
			*error = L4_ErrorCode();
			break;
		}
		made[n] = t;
		if (!L4_SpaceControl(t, 0, L4_FpageLog2((L4_Word_t)kip, 12),
				     L4_FpageLog2(0x1000100000ul, 12), L4_nilthread, &control)) {
			*error = L4_ErrorCode();
			n++;            /* the thread exists: delete it with the rest */
			break;
		}
	}
	return n;
}

static void kernel_memory_exhaustion(void)
{
	static L4_ThreadId_t made[FILL_MAX];
	L4_Word_t threads = thread_count(), error = 0;
	L4_Word_t free_before = L4_KDB_Stats(L4_KDEBUG_STAT_KMEM_FREE);

	unsigned n = fill_memory(made, FILL_MAX, &error);
	CHECK(n > 100);
	CHECK(n < FILL_MAX);                    /* it did run out */
	CHECK_EQ(error, 8);                     /* no memory */
	for (unsigned i = 0; i < n; i++)
		CHECK(L4_ThreadControl(made[i], L4_nilthread, L4_nilthread, L4_nilthread, (void *)~0ul));
	CHECK_EQ(thread_count(), threads);
	CHECK_EQ(L4_KDB_Stats(L4_KDEBUG_STAT_KMEM_FREE), free_before);
	unsigned again = fill_memory(made, FILL_MAX, &error);
	CHECK_EQ(again, n);                     /* every byte came back */
	for (unsigned i = 0; i < again; i++)
		L4_ThreadControl(made[i], L4_nilthread, L4_nilthread, L4_nilthread, (void *)~0ul);
	CHECK_EQ(thread_count(), threads);
}

const struct test lifecycle_tests[] = {
	{ "exregs", "abort_receive_error_3", abort_receive },
	{ "exregs", "abort_send_error_3", abort_send },
	{ "threads", "receiver_of_a_deleted_thread_error_2", receiver_of_deleted_thread },
	{ "threads", "kernel_memory_exhaustion_error_8", kernel_memory_exhaustion },
	{ 0 },
};
