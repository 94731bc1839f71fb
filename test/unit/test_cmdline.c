/* Unit tests: boot options on the command line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "cmdline.h"

static void words(void **state)
{
	(void)state;
	assert_true(cmdline_has("pecan.panic", "pecan.panic"));
	assert_true(cmdline_has("  a  pecan.panic b", "pecan.panic"));
	assert_false(cmdline_has("pecan.panicky", "pecan.panic"));
	assert_false(cmdline_has("xpecan.panic", "pecan.panic"));
	assert_false(cmdline_has("pecan.pan", "pecan.panic"));
	assert_false(cmdline_has("", "pecan.panic"));
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(words) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
