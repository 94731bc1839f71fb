/*
 * util.c - the test suite's helpers: thread creation in this space and in
 * new spaces, and the pager thread that serves their page faults.
 *
 * Child spaces run the roottask's own code: the pager maps the roottask's
 * pages into them 1:1 when they fault, so a child shares code and data
 * frames with the roottask and has its own stack (a slot of `stacks`).
 */
#include "l4test.h"
#include <string.h>

void *kip;
L4_ThreadId_t main_tid, pager_tid;
struct fault_note unserved_fault;
char shared_pages[SHARED_PAGES][4096] __attribute__((aligned(4096)));

#define STACK_SIZE 8192
#define MAX_STACKS 48
#define LOCAL_UTCBS 64          /* the roottask's UTCB area holds 64 */
/* Child spaces get their KIP where ours is, so `kip` works there too. */
#define CHILD_KIP_AREA  ((L4_Word_t)kip)
#define CHILD_UTCB_AREA 0x1000100000ul
#define CHILD_UTCB_LOG2 14

/* A stack slot starts with what its thread needs to start. */
struct slot {
	void (*fn)(L4_Word_t);
	L4_Word_t arg;
	bool used;
};
static char stacks[MAX_STACKS][STACK_SIZE] __attribute__((aligned(STACK_SIZE)));
static bool utcb_used[LOCAL_UTCBS];
static unsigned next_thread;

L4_ThreadId_t new_tid(void)
{
	return L4_GlobalId(L4_ThreadIdUserBase(kip) + 16 + next_thread++, 1);
}

/* Every helper-made thread starts here, on its own stack slot. */
static void thread_entry(void)
{
	char here;
	struct slot *s = (struct slot *)((L4_Word_t)&here & ~(L4_Word_t)(STACK_SIZE - 1));

	s->fn(s->arg);
	for (;;)                /* done: wait for the end (nobody sends as us) */
		L4_Receive(L4_Myself());
}

static L4_Word_t stack_for(void (*fn)(L4_Word_t), L4_Word_t arg)
{
	for (unsigned i = 0; i < MAX_STACKS; i++) {
		struct slot *s = (struct slot *)stacks[i];
		if (!s->used) {
			s->used = true;
			s->fn = fn;
			s->arg = arg;
			return (L4_Word_t)stacks[i] + STACK_SIZE - 16 - ENTRY_SP_BIAS;
		}
	}
	printf("l4test: out of stack slots\n");
	return 0;
}

static L4_Word_t local_utcb(unsigned *index)
{
	L4_Word_t base = L4_MyLocalId().raw - 512;      /* our own block is slot 0 */

	for (unsigned i = 1; i < LOCAL_UTCBS; i++)
		if (!utcb_used[i]) {
			utcb_used[i] = true;
			*index = i;
			return base + i * 1024;
		}
	return ~0ul;
}

L4_ThreadId_t start_local(void (*fn)(L4_Word_t), L4_Word_t arg, unsigned prio)
{
	L4_ThreadId_t t = new_tid();
	unsigned index;
	L4_Word_t utcb = local_utcb(&index);

	/* Threads of our own space page through sigma0, as we do. */
	L4_ThreadId_t sigma0 = L4_GlobalId(L4_ThreadIdUserBase(kip), 1);
	if (!L4_ThreadControl(t, L4_Myself(), L4_Myself(), sigma0, (void *)utcb)) {
		printf("l4test: ThreadControl failed: error %lu\n", L4_ErrorCode());
		return L4_nilthread;
	}
	L4_Set_Priority(t, prio);
	L4_Start_SpIp(t, stack_for(fn, arg), (L4_Word_t)thread_entry);
	return t;
}

/* Ask the pager thread to send t its start message (only a thread's pager
 * may start it). */
static void start_by_pager(L4_ThreadId_t t, L4_Word_t sp)
{
	L4_Msg_t m;
	L4_Word_t w[3] = { t.raw, (L4_Word_t)thread_entry, sp };

	L4_MsgClear(&m);
	for (int i = 0; i < 3; i++)
		L4_MsgAppendWord(&m, w[i]);
	L4_Set_MsgLabel(&m, 0x5747);    /* "start" */
	L4_MsgLoad(&m);
	L4_Call(pager_tid);
}

static L4_ThreadId_t start_in(L4_ThreadId_t t, L4_ThreadId_t space, unsigned slot,
			      void (*fn)(L4_Word_t), L4_Word_t arg, unsigned prio)
{
	L4_Word_t utcb = CHILD_UTCB_AREA + slot * 1024;

	if (!L4_ThreadControl(t, space, L4_Myself(), pager_tid, (void *)utcb)) {
		printf("l4test: ThreadControl (activate) failed: error %lu\n", L4_ErrorCode());
		return L4_nilthread;
	}
	L4_Set_Priority(t, prio);
	start_by_pager(t, stack_for(fn, arg));
	return t;
}

L4_ThreadId_t start_remote(void (*fn)(L4_Word_t), L4_Word_t arg, unsigned prio)
{
	L4_ThreadId_t t = new_tid();
	L4_Word_t control;

	/* Create inactive in a new space, give the space its areas, then activate. */
	if (!L4_ThreadControl(t, t, L4_Myself(), L4_nilthread, (void *)~0ul) ||
	    !L4_SpaceControl(t, 0, L4_FpageLog2(CHILD_KIP_AREA, 12),
			     L4_FpageLog2(CHILD_UTCB_AREA, CHILD_UTCB_LOG2), L4_nilthread, &control)) {
		printf("l4test: creating a space failed: error %lu\n", L4_ErrorCode());
		return L4_nilthread;
	}
	return start_in(t, t, 0, fn, arg, prio);
}

L4_ThreadId_t start_in_space_of(L4_ThreadId_t other, void (*fn)(L4_Word_t), L4_Word_t arg,
				unsigned prio)
{
	static unsigned slot = 1;       /* slot 0 is the space's first thread */
	L4_ThreadId_t t = new_tid();

	if (!L4_ThreadControl(t, other, L4_Myself(), L4_nilthread, (void *)~0ul))
		return L4_nilthread;
	return start_in(t, other, slot++ % 16, fn, arg, prio);
}

void kill_thread(L4_ThreadId_t t)
{
	L4_Word_t dummy;
	L4_ThreadId_t pager;
	/* A thread of our space frees its UTCB slot (ExchangeRegisters gives
	 * its local ID; for other spaces it fails). */
	L4_ThreadId_t local = L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread,
						   &dummy, &dummy, &dummy, &dummy, &dummy, &pager);
	if (!L4_IsNilThread(local)) {
		L4_Word_t utcb = local.raw - 512, base = L4_MyLocalId().raw - 512;
		utcb_used[(utcb - base) / 1024] = false;
	}
	L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void *)~0ul);
}

void free_stacks(void)
{
	for (unsigned i = 1; i < MAX_STACKS; i++)      /* slot 0: the pager, for good */
		((struct slot *)stacks[i])->used = false;
}

L4_Word_t thread_count(void)
{
	return L4_KDB_Stats(L4_KDEBUG_STAT_THREADS);
}

L4_MsgTag_t send_words(L4_ThreadId_t to, L4_Word_t label, unsigned n, const L4_Word_t *w)
{
	L4_Msg_t m;

	L4_MsgClear(&m);
	for (unsigned i = 0; i < n; i++)
		L4_MsgAppendWord(&m, w[i]);
	L4_Set_MsgLabel(&m, label);
	L4_MsgLoad(&m);
	return L4_Send(to);
}

/* ---- The pager thread ---------------------------------------------------- */

L4_Word_t serve_extra_page;     /* a test may let the pager map one more page */

static bool is_page_fault(L4_MsgTag_t tag)
{
	return (L4_Label(tag) & 0xfffffffffff0ul) == 0xffffffffffe0ul && L4_UntypedWords(tag) == 2;
}

static bool in_image(L4_Word_t addr)
{
	L4_Word_t *k = kip;     /* X.2 KIP words 18, 19: the root server's low, high */
	return addr >= k[18] && addr < k[19];
}

static void pager_loop(L4_Word_t unused)
{
	L4_ThreadId_t from;
	L4_MsgTag_t tag = L4_Wait(&from);

	(void)unused;
	for (;;) {
		L4_Msg_t m;
		L4_MsgStore(tag, &m);
		if (is_page_fault(tag)) {
			L4_Word_t addr = L4_MsgWord(&m, 0) & ~0xffful;
			if (in_image(addr) || (serve_extra_page && addr == serve_extra_page)) {
				(void)*(volatile char *)addr;   /* make sure we have it ourselves */
				L4_MsgClear(&m);
				L4_MsgAppendMapItem(&m, L4_MapItem(L4_FpageAddRights(
					L4_FpageLog2(addr, 12), L4_FullyAccessible), addr));
				L4_MsgLoad(&m);
				tag = L4_ReplyWait(from, &from);
				continue;
			}
			unserved_fault.thread = from;
			unserved_fault.addr = L4_MsgWord(&m, 0);
			unserved_fault.ip = L4_MsgWord(&m, 1);
			unserved_fault.label = L4_Label(tag);
			unserved_fault.count++;
			/* Main waits for it if a test expects it; if not, a fault
			 * nobody waits for must not block the pager. */
			L4_LoadMR(0, LABEL_FAULT_NOTE << 16);
			L4_Send_Timeout(main_tid, L4_ZeroTime);
		} else if (L4_Label(tag) == 0x5747 && L4_SameThreads(from, main_tid)) {
			L4_Word_t w[2] = { L4_MsgWord(&m, 1), L4_MsgWord(&m, 2) };
			send_words((L4_ThreadId_t){ .raw = L4_MsgWord(&m, 0) }, 0, 2, w);
			L4_MsgClear(&m);
			L4_MsgLoad(&m);
			tag = L4_ReplyWait(from, &from);
			continue;
		}
		tag = L4_Wait(&from);
	}
}

bool wait_unserved_fault(void)
{
	L4_MsgTag_t tag = L4_Receive(pager_tid);

	return L4_IpcSucceeded(tag) && L4_Label(tag) == LABEL_FAULT_NOTE;
}

void start_pager(void)
{
	pager_tid = start_local(pager_loop, 0, 254);
}

void report(L4_Word_t value)
{
	send_words(main_tid, LABEL_REPORT, 1, &value);
}

bool get_report(L4_ThreadId_t from, L4_Word_t *value)
{
	L4_MsgTag_t tag = L4_Receive(from);
	L4_Word_t w;

	if (L4_IpcFailed(tag) || L4_Label(tag) != LABEL_REPORT || L4_UntypedWords(tag) != 1)
		return false;
	L4_StoreMR(1, &w);
	*value = w;
	return true;
}

void block_forever_ipc(L4_Word_t unused)
{
	(void)unused;
	for (;;)
		L4_Receive(L4_Myself());
}

void kill_after_switch(L4_Word_t victim)
{
	L4_ThreadControl((L4_ThreadId_t){ .raw = victim }, L4_nilthread, L4_nilthread,
			 L4_nilthread, (void *)~0ul);
}

L4_Word_t sigma0_page(void)
{
	L4_ThreadId_t s0 = L4_GlobalId(L4_ThreadIdUserBase(kip), 1);
	L4_Fpage_t f = L4_Sigma0_GetAny(s0, 12, L4_CompleteAddressSpace);

	return L4_IsNilFpage(f) ? 0 : L4_Address(f);
}

void wait_then_block(L4_Word_t unused)
{
	L4_ThreadId_t from;

	(void)unused;
	L4_Wait(&from);
	block_forever_ipc(0);
}

static volatile L4_Word_t sleep_order[8];
static volatile unsigned sleep_count;

void sleep_log_reset(void) { sleep_count = 0; }
unsigned sleep_log_count(void) { return sleep_count; }
L4_Word_t sleep_log(unsigned i) { return sleep_order[i]; }

void sleeper_logging(L4_Word_t delay_us)
{
	L4_Sleep(L4_TimePeriod(delay_us));
	if (sleep_count < 8)
		sleep_order[sleep_count++] = delay_us;
}

void reporting_receiver(L4_Word_t unused)
{
	L4_ThreadId_t from;

	(void)unused;
	L4_MsgTag_t tag = L4_Wait(&from);
	report(L4_GlobalIdOf(from).raw);
	report(tag.raw & ((1ul << 12) | (1ul << 13)));  /* the p and r flags */
	report(L4_IntendedReceiver().raw);
}

void sender_to_main(L4_Word_t unused)
{
	(void)unused;
	L4_LoadMR(0, 0);
	L4_Send(main_tid);
}

void report_value_plus_one(L4_Word_t v)
{
	report(v + 1);
}
