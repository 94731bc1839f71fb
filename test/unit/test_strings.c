/* Unit tests: parsing string items (typed-item words) into pieces. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "ipc.h"
#include "strings.h"

/* What strings.c needs from the rest of the kernel, unused here. */
bool page_fault_ipc(tcb_t *t, word_t addr, unsigned access, word_t ip, word_t timeouts)
{
	(void)t; (void)addr; (void)access; (void)ip; (void)timeouts;
	return false;
}

#define STR(len, subs, compound) ((word_t)(len) << 10 | ((subs) - 1) << 4 | (compound) << 9)

static void simple(void **state)
{
	(void)state;
	word_t w[] = { STR(100, 1, 0), 0x5000 };
	struct pieces p;
	unsigned i = 0;
	assert_true(strings_parse(w, &i, 2, &p));
	assert_int_equal(i, 2);
	assert_int_equal(p.n, 1);
	assert_true(p.addr[0] == 0x5000 && p.len[0] == 100 && p.total == 100);
}

static void substrings_and_compound(void)
{
	word_t w[] = { STR(8, 3, 1), 0x100, 0x200, 0x300, STR(5, 1, 0), 0x400, STR(1, 1, 0), 0x500 };
	struct pieces p;
	unsigned i = 0;
	assert_true(strings_parse(w, &i, 8, &p));
	assert_int_equal(i, 6);                         /* stops after the compound's end */
	assert_int_equal(p.n, 4);
	assert_true(p.addr[2] == 0x300 && p.len[2] == 8);
	assert_true(p.addr[3] == 0x400 && p.len[3] == 5);
	assert_true(p.total == 29);
	assert_true(strings_parse(w, &i, 8, &p));       /* the next string */
	assert_true(p.n == 1 && p.addr[0] == 0x500);
}

static void substrings_test(void **state) { (void)state; substrings_and_compound(); }

static void malformed(void **state)
{
	(void)state;
	struct pieces p;
	unsigned i = 0;
	word_t cut[] = { STR(8, 3, 0), 0x100, 0x200 };          /* a substring missing */
	assert_false(strings_parse(cut, &i, 3, &p));
	i = 0;
	word_t map_item[] = { 0x8 | 4 << 1, 0 };                 /* not a string item */
	assert_false(strings_parse(map_item, &i, 2, &p));
	i = 0;
	word_t open_compound[] = { STR(8, 1, 1), 0x100 };       /* compound, then nothing */
	assert_false(strings_parse(open_compound, &i, 2, &p));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(simple),
		cmocka_unit_test(substrings_test),
		cmocka_unit_test(malformed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
