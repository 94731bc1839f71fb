/* Unit tests: the kernel's formatted printing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "kprintf.h"
#include "fake_port.h"

/* Format with kprintf's engine and with the C library; they must agree. */
#define SAME_AS_LIBC(fmt, ...) do { \
		char mine[128], libc[128]; \
		int n1 = ksnprintf(mine, sizeof mine, fmt, __VA_ARGS__); \
		int n2 = snprintf(libc, sizeof libc, fmt, __VA_ARGS__); \
		assert_string_equal(mine, libc); \
		assert_int_equal(n1, n2); \
	} while (0)

static void integers(void **state)
{
	(void)state;
	SAME_AS_LIBC("%d", 0);
	SAME_AS_LIBC("%d %i", -1, 42);
	SAME_AS_LIBC("%d", INT32_MIN);
	SAME_AS_LIBC("%u", 4000000000u);
	SAME_AS_LIBC("%ld", -9000000000000l);
	SAME_AS_LIBC("%lld", (long long)INT64_MIN);
	SAME_AS_LIBC("%llu", (unsigned long long)UINT64_MAX);
	SAME_AS_LIBC("%zu", (size_t)12345);
}

static void hex_and_width(void **state)
{
	(void)state;
	SAME_AS_LIBC("%x %X", 0xdeadbeefu, 0xabcu);
	SAME_AS_LIBC("%lx", 0xffffffff80100000ul);
	SAME_AS_LIBC("%016llx", 0x1234ull);
	SAME_AS_LIBC("[%8d]", -42);
	SAME_AS_LIBC("[%-8d]", 42);
	SAME_AS_LIBC("[%08d]", -42);
	SAME_AS_LIBC("[%*d]", 6, 7);
	SAME_AS_LIBC("[%3u]", 12345u);
}

static void strings_and_chars(void **state)
{
	(void)state;
	SAME_AS_LIBC("%s|%c|%%", "pecan", 'x');
	SAME_AS_LIBC("[%10s]", "right");
	SAME_AS_LIBC("[%-10s]", "left");
	SAME_AS_LIBC("[%3c]", 'c');
	SAME_AS_LIBC("[%-3c]", 'c');
}

static void pointers(void **state)
{
	char buf[64];
	(void)state;
	ksnprintf(buf, sizeof buf, "%p", (void *)0x1000);
	assert_string_equal(buf, "0x0000000000001000");
	const char *volatile null_string = NULL;   /* hidden from the format check */
	ksnprintf(buf, sizeof buf, "%s", null_string);
	assert_string_equal(buf, "(null)");
}

static void truncation(void **state)
{
	char buf[8];
	(void)state;
	memset(buf, 'X', sizeof buf);
	assert_int_equal(ksnprintf(buf, 5, "%s", "abcdefgh"), 8);
	assert_string_equal(buf, "abcd");
	assert_int_equal(buf[5], 'X');         /* nothing written past size */
	assert_int_equal(ksnprintf(buf, 0, "%d", 123), 3);
	assert_int_equal(buf[0], 'a');
}

static void unknown_conversion(void **state)
{
	char buf[16];
	(void)state;
	/* Built at run time so the compiler's format check lets it through. */
	char fmt[] = { '%', 'q', ' ', '%', '\0' };
	ksnprintf(buf, sizeof buf, fmt);
	assert_string_equal(buf, "%q ");
}

static void console_crlf(void **state)
{
	(void)state;
	fake_console_clear();
	assert_int_equal(kprintf("a\nb %d\n", 5), 6);
	assert_string_equal(fake_console, "a\r\nb 5\r\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(integers),
		cmocka_unit_test(hex_and_width),
		cmocka_unit_test(strings_and_chars),
		cmocka_unit_test(pointers),
		cmocka_unit_test(truncation),
		cmocka_unit_test(unknown_conversion),
		cmocka_unit_test(console_crlf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
