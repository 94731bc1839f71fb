/* Unit tests: fpage layout, ranges and the map/grant window arithmetic. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "fpage.h"

#define K(x) ((word_t)(x) << 10)
#define M(x) ((word_t)(x) << 20)
#define USER_END ((word_t)1 << 47)

static void layout(void **state)
{
	(void)state;
	fpage_t f = fpage_make(0x12345000, 12, L4_RIGHT_R | L4_RIGHT_X);
	assert_int_equal(f.raw, 0x12345000 | 12 << 4 | 5);
	assert_int_equal(fpage_log2(f), 12);
	assert_int_equal(fpage_size_log2(f), 12);
	assert_int_equal(fpage_rights(f), 5);
	assert_int_equal(fpage_base(f), 0x12345000);

	/* The rights field: x bit 0, w bit 1, r bit 2; bit 3 reserved. */
	assert_int_equal(fpage_make(0, 12, L4_RIGHT_X).raw & 0xf, 1);
	assert_int_equal(fpage_make(0, 12, L4_RIGHT_W).raw & 0xf, 2);
	assert_int_equal(fpage_make(0, 12, L4_RIGHT_R).raw & 0xf, 4);
	assert_int_equal(fpage_make(0, 12, 0xff).raw & 0xf, 7);
	assert_int_equal(fpage_with_rights(f, 2).raw, 0x12345000 | 12 << 4 | 2);

	/* 64-bit words: base bits up to 63, s up to 63. */
	f = fpage_make((word_t)1 << 62, 62, 7);
	assert_int_equal(fpage_base(f), (word_t)1 << 62);
	assert_int_equal(fpage_log2(f), 62);

	/* The status bits of unmap sit where the rights were. */
	assert_int_equal(L4_STATUS_R, L4_RIGHT_R);
	assert_int_equal(L4_STATUS_W, L4_RIGHT_W);
	assert_int_equal(L4_STATUS_X, L4_RIGHT_X);
}

static void base_is_aligned_down(void **state)
{
	(void)state;
	/* A base with bits below 2^s: the fpage starts at the aligned address. */
	fpage_t f = { 0x12345c00 | 14 << 4 | 7 };
	assert_int_equal(fpage_base(f), 0x12344000);
	f = (fpage_t){ 0x7fffc00 | 22 << 4 };
	assert_int_equal(fpage_base(f), 0x7c00000);
	/* fpage_make does it as well. */
	assert_int_equal(fpage_base(fpage_make(0x12345678, 16, 0)), 0x12340000);
	assert_int_equal(fpage_make(0x12345678, 16, 0).raw & ~(word_t)0x3ff, 0x12340000);
	/* s = 63: only bit 63 of the base survives. */
	f = (fpage_t){ ~(word_t)0x3ff | 63 << 4 };
	assert_int_equal(fpage_base(f), (word_t)1 << 63);
}

static void nil_and_complete(void **state)
{
	(void)state;
	assert_true(fpage_is_nil(FPAGE_NIL));
	assert_false(fpage_is_complete(FPAGE_NIL));
	for (unsigned s = 0; s < FPAGE_MIN_LOG2; s++) {
		fpage_t f = { 0x100000 | (word_t)s << 4 | 7 };
		assert_int_equal(fpage_is_nil(f), s != 1);
		assert_int_equal(fpage_is_complete(f), s == 1);
	}
	assert_false(fpage_is_nil(fpage_make(0, 10, 0)));

	fpage_t c = fpage_complete(7);
	assert_int_equal(c.raw, 0x17);         /* L4_CompleteAddressSpace with full rights */
	assert_true(fpage_is_complete(c));
	assert_false(fpage_is_nil(c));
	assert_int_equal(fpage_size_log2(c), 64);
	assert_int_equal(fpage_base(c), 0);
	assert_int_equal(fpage_rights(c), 7);
}

static void ranges_clamp_to_the_limit(void **state)
{
	(void)state;
	word_t start = 1, end = 1;

	assert_true(fpage_range(fpage_make(0x5000, 12, 7), USER_END, &start, &end));
	assert_int_equal(start, 0x5000);
	assert_int_equal(end, 0x6000);

	/* A 4 MiB fpage over the end of user space is cut at the end. */
	assert_true(fpage_range(fpage_make(USER_END - M(2), 22, 7), USER_END, &start, &end));
	assert_int_equal(start, USER_END - M(4));
	assert_int_equal(end, USER_END);

	/* Entirely above the limit, or nil: empty, outputs untouched. */
	start = end = 1;
	assert_false(fpage_range(fpage_make(USER_END, 12, 7), USER_END, &start, &end));
	assert_false(fpage_range(FPAGE_NIL, USER_END, &start, &end));
	assert_false(fpage_range((fpage_t){ 0x5000 | 9 << 4 }, USER_END, &start, &end));
	assert_int_equal(start, 1);
	assert_int_equal(end, 1);

	/* The complete space, and s = 63 at 0: all of user space. */
	assert_true(fpage_range(fpage_complete(0), USER_END, &start, &end));
	assert_int_equal(start, 0);
	assert_int_equal(end, USER_END);
	assert_true(fpage_range(fpage_make(0, 63, 0), USER_END, &start, &end));
	assert_int_equal(end, USER_END);
	assert_false(fpage_range(fpage_make((word_t)1 << 63, 63, 0), USER_END, &start, &end));

	/* The top of the address space does not wrap. */
	assert_true(fpage_range(fpage_make(~(word_t)0, 12, 0), ~(word_t)0, &start, &end));
	assert_int_equal(start, ~(word_t)0xfff);
	assert_int_equal(end, ~(word_t)0);
}

static void contains(void **state)
{
	(void)state;
	fpage_t f = fpage_make(M(4), 22, 7);
	assert_true(fpage_contains(f, M(4)));
	assert_true(fpage_contains(f, M(8) - 1));
	assert_false(fpage_contains(f, M(8)));
	assert_false(fpage_contains(f, M(4) - 1));
	assert_true(fpage_contains(fpage_complete(0), ~(word_t)0));
	assert_false(fpage_contains(FPAGE_NIL, 0));
}

/* A 4 KiB page into a 4 MiB window: SndBase mod 2^22 picks the place. */
static void transfer_smaller_into_window(void **state)
{
	(void)state;
	word_t src, dst;
	unsigned log2;

	assert_true(fpage_transfer(fpage_make(0x5000, 12, 7), 0x12345000,
				   fpage_make(M(4), 22, 0), &src, &dst, &log2));
	assert_int_equal(src, 0x5000);
	assert_int_equal(dst, M(4) + 0x345000);
	assert_int_equal(log2, 12);

	/* SndBase below the send fpage's size is aligned down to it (16 KiB). */
	assert_true(fpage_transfer(fpage_make(0x10000, 14, 7), 0x7000,
				   fpage_make(M(1), 20, 0), &src, &dst, &log2));
	assert_int_equal(src, 0x10000);
	assert_int_equal(dst, M(1) + 0x4000);
	assert_int_equal(log2, 14);

	/* The item word's own low bits (C, type) are not part of SndBase. */
	assert_true(fpage_transfer(fpage_make(0x5000, 12, 7), 0x12345000 | 0x3ff,
				   fpage_make(M(4), 22, 0), &src, &dst, &log2));
	assert_int_equal(dst, M(4) + 0x345000);
	/* A 1 KiB send fpage lands 1 KiB aligned. */
	assert_true(fpage_transfer(fpage_make(K(5), 10, 7), K(7),
				   fpage_make(M(1), 20, 0), &src, &dst, &log2));
	assert_int_equal(src, K(5));
	assert_int_equal(dst, M(1) + K(7));
	assert_int_equal(log2, 10);
}

static void transfer_equal_to_window(void **state)
{
	(void)state;
	word_t src, dst;
	unsigned log2;

	assert_true(fpage_transfer(fpage_make(M(2), 21, 7), 0xdeadbeef000,
				   fpage_make(M(8), 21, 0), &src, &dst, &log2));
	assert_int_equal(src, M(2));
	assert_int_equal(dst, M(8));
	assert_int_equal(log2, 21);
}

/* A 4 MiB send fpage into a 4 KiB window: SndBase mod 2^22 picks the page. */
static void transfer_larger_than_window(void **state)
{
	(void)state;
	word_t src, dst;
	unsigned log2;

	assert_true(fpage_transfer(fpage_make(M(4), 22, 7), 0x123456789,
				   fpage_make(0x9000, 12, 0), &src, &dst, &log2));
	assert_int_equal(src, M(4) + 0x56000);
	assert_int_equal(dst, 0x9000);
	assert_int_equal(log2, 12);

	/* 64 KiB out of 1 MiB. */
	assert_true(fpage_transfer(fpage_make(M(1), 20, 7), 0x35000,
				   fpage_make(M(16), 16, 0), &src, &dst, &log2));
	assert_int_equal(src, M(1) + 0x30000);
	assert_int_equal(dst, M(16));
	assert_int_equal(log2, 16);
}

static void transfer_complete_space(void **state)
{
	(void)state;
	word_t src, dst;
	unsigned log2;

	/* The complete space into a window: the window's size, chosen by SndBase. */
	assert_true(fpage_transfer(fpage_complete(7), 0x7654321000,
				   fpage_make(M(4), 22, 0), &src, &dst, &log2));
	assert_int_equal(src, 0x7654000000);
	assert_int_equal(dst, M(4));
	assert_int_equal(log2, 22);

	/* A page into the complete window: at SndBase itself. */
	assert_true(fpage_transfer(fpage_make(0x5000, 12, 7), 0x7654321000,
				   fpage_complete(0), &src, &dst, &log2));
	assert_int_equal(src, 0x5000);
	assert_int_equal(dst, 0x7654321000);
	assert_int_equal(log2, 12);

	/* Both complete: everything, 1:1. */
	assert_true(fpage_transfer(fpage_complete(7), 0x1000,
				   fpage_complete(0), &src, &dst, &log2));
	assert_int_equal(src, 0);
	assert_int_equal(dst, 0);
	assert_int_equal(log2, 64);
}

static void transfer_nil_moves_nothing(void **state)
{
	(void)state;
	word_t src = 7, dst = 7;
	unsigned log2 = 7;

	assert_false(fpage_transfer(FPAGE_NIL, 0, fpage_complete(0), &src, &dst, &log2));
	assert_false(fpage_transfer(fpage_make(0x5000, 12, 7), 0, FPAGE_NIL, &src, &dst, &log2));
	assert_false(fpage_transfer(fpage_make(0x5000, 12, 7), 0,
				    (fpage_t){ M(1) | 4 << 4 }, &src, &dst, &log2));
	assert_int_equal(src, 7);
	assert_int_equal(dst, 7);
	assert_int_equal(log2, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(layout),
		cmocka_unit_test(base_is_aligned_down),
		cmocka_unit_test(nil_and_complete),
		cmocka_unit_test(ranges_clamp_to_the_limit),
		cmocka_unit_test(contains),
		cmocka_unit_test(transfer_smaller_into_window),
		cmocka_unit_test(transfer_equal_to_window),
		cmocka_unit_test(transfer_larger_than_window),
		cmocka_unit_test(transfer_complete_space),
		cmocka_unit_test(transfer_nil_moves_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
