/* Unit tests: X.2 time values as deadlines, and the timeout queue's order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "ipc.h"
#include "timeout.h"

/* What timeout.c needs from the rest of the kernel. */
static uint64_t now_ticks;
uint64_t timer_ticks(void) { return now_ticks; }
static tcb_t *woken[8];
static unsigned nwoken;
enum thread_state ipc_cancel(tcb_t *t, word_t code)
{
	assert_int_equal(code, IPC_ERR_TIMEOUT);
	woken[nwoken++] = t;
	return t->state;
}

static void periods(void **state)
{
	(void)state;
	assert_true(timeout_deadline(0, 5000) == 0);                   /* never */
	assert_true(timeout_deadline(0x0400, 5000) == 5000);           /* zero: m 0, e 1 */
	assert_true(timeout_deadline(1000, 5000) == 6000);             /* 1000 µs, e 0 */
	assert_true(timeout_deadline(3 << 10 | 5, 100) == 100 + (5 << 3)); /* m 5, e 3 */
	assert_true(timeout_deadline(31 << 10 | 1023, 0) == 1023ull << 31);  /* the largest */
}

/* A point names clock bits e..e+9 (m) and bit e+10 (c); it fires at the
 * first clock value after now that matches. */
static void points(void **state)
{
	(void)state;
	unsigned e = 4;
	uint64_t now = 100000, target = 120000;
	unsigned m = (target >> e) & 0x3ff, c = (target >> (e + 10)) & 1;
	uint64_t at = timeout_deadline(0x8000 | e << 11 | c << 10 | m, now);
	assert_true(at == (target & ~(uint64_t)15));
	/* Already past in this round: the next round, 2^(e+11) later. */
	uint64_t past = timeout_deadline(0x8000 | e << 11 | c << 10 | m, target + 100);
	assert_true(past == (target & ~(uint64_t)15) + (1ull << (e + 11)));
}

static void queue_order(void **state)
{
	(void)state;
	tcb_t t[4] = { 0 };
	nwoken = 0;
	now_ticks = 0;
	timeout_set(&t[0], 3000);
	timeout_set(&t[1], 1000);
	timeout_set(&t[2], 2000);
	timeout_set(&t[3], 2500);
	timeout_cancel(&t[3]);
	assert_true(t[3].timeout_at == 0);
	timeout_tick(1500);
	assert_int_equal(nwoken, 1);
	assert_ptr_equal(woken[0], &t[1]);
	timeout_tick(5000);
	assert_int_equal(nwoken, 3);
	assert_ptr_equal(woken[1], &t[2]);
	assert_ptr_equal(woken[2], &t[0]);
	timeout_set(&t[0], 10);         /* a later set replaces the deadline */
	timeout_set(&t[0], 20);
	timeout_tick(15);
	assert_int_equal(nwoken, 3);
	timeout_tick(20);
	assert_int_equal(nwoken, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(periods),
		cmocka_unit_test(points),
		cmocka_unit_test(queue_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
