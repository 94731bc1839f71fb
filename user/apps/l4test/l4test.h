/*
 * l4test.h - the user-level test suite's harness and helpers.
 *
 * Each test is a function that makes CHECKs.  A test passes only if it
 * made at least one check and none failed: a test that cannot fail is a
 * defect, so the harness rejects a pass with zero checks.
 */
#ifndef L4TEST_H
#define L4TEST_H

#include <l4/ipc.h>
#include <l4/kdebug.h>
#include <l4/kip.h>
#include <l4/message.h>
#include <l4/schedule.h>
#include <l4/sigma0.h>
#include <l4/space.h>
#include <l4/thread.h>
#include <l4/types.h>
#include <stdbool.h>
#include <stdio.h>

extern unsigned test_checks;
extern bool test_failed;

void test_fail(const char *file, int line, const char *what, L4_Word_t a, L4_Word_t b);

#define CHECK(cond) do { \
		test_checks++; \
		if (!(cond)) { test_fail(__FILE__, __LINE__, #cond, 0, 0); return; } \
	} while (0)
#define CHECK_EQ(x, y) do { \
		L4_Word_t x_ = (L4_Word_t)(x), y_ = (L4_Word_t)(y); \
		test_checks++; \
		if (x_ != y_) { test_fail(__FILE__, __LINE__, #x " == " #y, x_, y_); return; } \
	} while (0)

struct test {
	const char *section, *name;
	void (*fn)(void);
};

/* Each test file lists its tests. */
extern const struct test kip_tests[], thread_tests[], ipc_tests[], map_tests[],
	sched_tests[], fault_tests[], fastpath_tests[], timeout_tests[], lifecycle_tests[],
	exception_tests[], propagation_tests[], preemption_tests[], more_tests[],
	interrupt_tests[], fuzz_tests[], edge_tests[], string_tests[],
	last_tests[], last_tests2[];
extern const bool test_irq_available;

/* ---- Helpers (util.c) ---- */

extern void *kip;
extern L4_ThreadId_t main_tid, pager_tid;

/* A fresh global thread ID that was never used. */
L4_ThreadId_t new_tid(void);

/* A thread in the roottask's own space running fn(arg) at priority prio,
 * started with ExchangeRegisters.  Its pager is the roottask's pager. */
L4_ThreadId_t start_local(void (*fn)(L4_Word_t), L4_Word_t arg, unsigned prio);

/* A thread in a new space running fn(arg), started by the X.2 start message
 * from its pager.  The pager maps the roottask's own pages into the new
 * space on demand, so the thread runs the same code with its own stack. */
L4_ThreadId_t start_remote(void (*fn)(L4_Word_t), L4_Word_t arg, unsigned prio);

/* A second thread in t's space, started the same way. */
L4_ThreadId_t start_in_space_of(L4_ThreadId_t t, void (*fn)(L4_Word_t), L4_Word_t arg,
				unsigned prio);

/* Delete a thread made by the helpers (and its space with its last thread). */
void kill_thread(L4_ThreadId_t t);

/* Threads alive, and mapping-database nodes (kernel counters). */
L4_Word_t thread_count(void);

/* Where a new thread's stack pointer starts below a stack's top: x86_64
 * functions expect to be entered as if called (a return address pushed);
 * the others want the stack pointer aligned. */
#if defined(__x86_64__)
#define ENTRY_SP_BIAS 8
#else
#define ENTRY_SP_BIAS 0
#endif

/* Send / receive a message of words to a thread (blocking). */
L4_MsgTag_t send_words(L4_ThreadId_t to, L4_Word_t label, unsigned n, const L4_Word_t *w);

/* The pager thread notes page faults it cannot serve here (a test reads it). */
struct fault_note {
	L4_ThreadId_t thread;
	L4_Word_t addr, ip, label;
	volatile unsigned count;
};
extern struct fault_note unserved_fault;

/* Block until the pager notes a fault it does not serve (false: some
 * other message came). */
#define LABEL_FAULT_NOTE 0x6661
bool wait_unserved_fault(void);
void start_pager(void);

/* A child tells main one word; main waits for it from that thread. */
#define LABEL_REPORT 0x7270
void report(L4_Word_t value);
bool get_report(L4_ThreadId_t from, L4_Word_t *value);

void block_forever_ipc(L4_Word_t unused);       /* a thread body that never returns */
void kill_after_switch(L4_Word_t victim);       /* a thread body: delete victim */
void wait_then_block(L4_Word_t unused);         /* take one message, never answer */
void reporting_receiver(L4_Word_t unused);      /* take one message, report sender, flags, intended receiver */
void sender_to_main(L4_Word_t unused);          /* send main an empty message */
void report_value_plus_one(L4_Word_t v);        /* report v + 1 */
void receive_page(L4_Word_t addr);              /* map_tests.c: take a mapping, report on it */
void sleeper_logging(L4_Word_t delay_us);       /* sleep, then log delay_us */
void sleep_log_reset(void);
unsigned sleep_log_count(void);
L4_Word_t sleep_log(unsigned i);

/* A fresh page from sigma0, mapped here (at its physical address); 0 if none. */
L4_Word_t sigma0_page(void);

/* The rights our own space has at va (the kernel's view), 0 if unmapped. */
static inline L4_Word_t mapped_rights(L4_Word_t va)
{
	return __L4_KDebug(L4_KDEBUG_MAPPED, va);
}
void free_stacks(void);
extern L4_Word_t serve_extra_page;

/* Memory that the pager maps 1:1 into child spaces: one page per test. */
#define SHARED_PAGES 16
extern char shared_pages[SHARED_PAGES][4096];

/*
 * <port>/ipc_dump.S: an Ipc system call made as the <l4/ipc.h> stub makes it
 * (to, FromSpecifier, Timeouts, MR0), with every other general register
 * loaded from seed[] first, so that what the call preserves is known; after
 * it, every register the ABI defines on return (all but those the trap
 * destroys, docs/api.md) is stored in dump[], in a fixed order, and the
 * rest of dump[0 .. IPC_DUMP_WORDS-1] is left alone.
 */
#define IPC_DUMP_WORDS 40
void ipc_and_dump(L4_Word_t to, L4_Word_t from, L4_Word_t timeouts, L4_Word_t mr0,
		  L4_Word_t *dump, const L4_Word_t *seed);

#endif
