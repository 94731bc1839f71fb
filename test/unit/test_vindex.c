/* Unit tests: the sparse page index, on an arena of host memory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "kmem.h"
#include "vindex.h"

#define ARENA_PAGES 4096
#define ARENA_SIZE ((size_t)ARENA_PAGES * PAGE_SIZE)
#include "arena.h"
#define TOP ((vaddr_t)VINDEX_END)

static size_t free_at_start;
static unsigned long tables_at_start;

/* A distinct non-NULL pointer for each address. */
static void *tag(vaddr_t va)
{
	return (void *)(va | 1);
}


/* Every test starts and ends with the pools at the same level. */
static int before(void **state)
{
	(void)state;
	free_at_start = kmem_free_bytes();
	tables_at_start = vindex_tables();
	return 0;
}

static int after(void **state)
{
	(void)state;
	assert_int_equal(vindex_tables(), tables_at_start);
	assert_int_equal(kmem_free_bytes(), free_at_start);
	return 0;
}

static void empty_index(void **state)
{
	(void)state;
	struct vindex vi;
	vaddr_t va = 0;

	vindex_init(&vi);
	assert_null(vindex_get(&vi, 0));
	assert_null(vindex_get(&vi, 0x1000));
	assert_null(vindex_next(&vi, &va, TOP));
	vindex_clear(&vi, 0x1000);              /* clearing nothing is harmless */
	vindex_free(&vi);
	assert_null(vi.root);
	assert_int_equal(vindex_tables(), tables_at_start);
}

static void set_get_clear(void **state)
{
	(void)state;
	struct vindex vi;
	static const vaddr_t at[] = { 0, 0x1000, 0x200000, 0x40000000, TOP / 2, TOP - PAGE_SIZE };

	vindex_init(&vi);
	for (size_t i = 0; i < ARRAY_SIZE(at); i++)
		assert_true(vindex_set(&vi, at[i], tag(at[i])));
	for (size_t i = 0; i < ARRAY_SIZE(at); i++) {
		assert_ptr_equal(vindex_get(&vi, at[i]), tag(at[i]));
		/* The neighbours stay empty. */
		if (at[i] + PAGE_SIZE != 0x1000 && at[i] + PAGE_SIZE < TOP)
			assert_null(vindex_get(&vi, at[i] + PAGE_SIZE));
	}
	/* 0 and 0x1000 share one path of 4 tables; each other needs more. */
	assert_true(vindex_tables() - tables_at_start >= 4);

	/* Replacing allocates nothing. */
	unsigned long tables = vindex_tables();
	assert_true(vindex_set(&vi, 0x1000, tag(0x7000)));
	assert_ptr_equal(vindex_get(&vi, 0x1000), tag(0x7000));
	assert_int_equal(vindex_tables(), tables);

	/* Clearing one of two neighbours keeps the shared tables. */
	vindex_clear(&vi, 0x1000);
	assert_null(vindex_get(&vi, 0x1000));
	assert_ptr_equal(vindex_get(&vi, 0), tag(0));
	assert_int_equal(vindex_tables(), tables);

	/* Clearing a lone entry frees its whole private path (3 tables). */
	vindex_clear(&vi, TOP / 2);
	assert_int_equal(vindex_tables(), tables - 3);

	for (size_t i = 0; i < ARRAY_SIZE(at); i++)
		vindex_clear(&vi, at[i]);
	assert_null(vi.root);
	assert_int_equal(vindex_tables(), tables_at_start);
}

static void rejects_bad_addresses(void **state)
{
	(void)state;
	struct vindex vi;

	vindex_init(&vi);
	assert_false(vindex_set(&vi, TOP, tag(0)));
	assert_false(vindex_set(&vi, 0x1234, tag(0)));
	assert_false(vindex_set(&vi, 0x1000, NULL));
	assert_null(vindex_get(&vi, TOP));
	assert_null(vi.root);
}

static void next_walks_in_order(void **state)
{
	(void)state;
	struct vindex vi;
	static const vaddr_t at[] = { 0x3000, 0x5000, 0x400000, 0x8000000000, TOP - PAGE_SIZE };
	vaddr_t va;
	void *p;
	size_t n = 0;

	vindex_init(&vi);
	for (size_t i = ARRAY_SIZE(at); i-- > 0;)
		assert_true(vindex_set(&vi, at[i], tag(at[i])));

	for (va = 0; (p = vindex_next(&vi, &va, TOP)); va += PAGE_SIZE) {
		assert_true(n < ARRAY_SIZE(at));
		assert_int_equal(va, at[n]);
		assert_ptr_equal(p, tag(at[n]));
		n++;
	}
	assert_int_equal(n, ARRAY_SIZE(at));

	/* Bounds: start inclusive, end exclusive; an unaligned start rounds up. */
	va = 0x5000;
	assert_ptr_equal(vindex_next(&vi, &va, 0x5001), tag(0x5000));
	va = 0x3001;
	assert_ptr_equal(vindex_next(&vi, &va, TOP), tag(0x5000));
	assert_int_equal(va, 0x5000);
	va = 0x5001;
	assert_null(vindex_next(&vi, &va, 0x400000));
	va = 0x401000;
	assert_ptr_equal(vindex_next(&vi, &va, ~(vaddr_t)0), tag(0x8000000000));
	va = TOP - PAGE_SIZE + 1;
	assert_null(vindex_next(&vi, &va, ~(vaddr_t)0));
	va = ~(vaddr_t)0;
	assert_null(vindex_next(&vi, &va, ~(vaddr_t)0));

	vindex_free(&vi);
	assert_null(vi.root);
}

/* Against a sorted array: thousands of addresses in clusters and alone. */
static int cmp_va(const void *a, const void *b)
{
	vaddr_t x = *(const vaddr_t *)a, y = *(const vaddr_t *)b;
	return x < y ? -1 : x > y;
}

static void random_against_a_model(void **state)
{
	(void)state;
	enum { N = 3000 };
	static vaddr_t model[N];
	struct vindex vi;
	size_t n = 0;

	srand(7);
	vindex_init(&vi);
	while (n < N) {
		vaddr_t va;
		if (rand() % 4)   /* a cluster near 1 GiB, or anywhere */
			va = 0x40000000 + (vaddr_t)(rand() % 8192) * PAGE_SIZE;
		else
			va = (((vaddr_t)rand() << 31 ^ (vaddr_t)rand()) << PAGE_SHIFT) % TOP;
		if (vindex_get(&vi, va))
			continue;
		assert_true(vindex_set(&vi, va, tag(va)));
		model[n++] = va;
	}
	qsort(model, N, sizeof(model[0]), cmp_va);

	size_t i = 0;
	vaddr_t va = 0;
	void *p;
	for (; (p = vindex_next(&vi, &va, TOP)); va += PAGE_SIZE, i++) {
		assert_int_equal(va, model[i]);
		assert_ptr_equal(p, tag(va));
	}
	assert_int_equal(i, N);

	/* Clear every other one, walk again, then clear the rest. */
	for (i = 0; i < N; i += 2)
		vindex_clear(&vi, model[i]);
	i = 1;
	for (va = 0; (p = vindex_next(&vi, &va, TOP)); va += PAGE_SIZE, i += 2)
		assert_int_equal(va, model[i]);
	assert_int_equal(i, N + 1);
	for (i = 1; i < N; i += 2)
		vindex_clear(&vi, model[i]);
	assert_null(vi.root);
}

/* Out of memory half way down a new path: false, and the tables it made
 * on the way are given back. */
static void out_of_memory_changes_nothing(void **state)
{
	(void)state;
	struct vindex vi;
	void *held = NULL, *p;

	vindex_init(&vi);
	assert_true(vindex_set(&vi, 0x1000, tag(0x1000)));
	/* Leave two pages: a path to a far address needs three new tables. */
	while (kmem_free_bytes() > 2 * PAGE_SIZE) {
		p = kmem_alloc(PAGE_SIZE);
		*(void **)p = held;
		held = p;
	}
	unsigned long tables = vindex_tables();
	assert_false(vindex_set(&vi, TOP - PAGE_SIZE, tag(1)));
	assert_int_equal(vindex_tables(), tables);
	assert_int_equal(kmem_free_bytes(), 2 * PAGE_SIZE);
	assert_null(vindex_get(&vi, TOP - PAGE_SIZE));
	/* A first entry with no memory at all leaves no root behind either. */
	struct vindex other;
	vindex_init(&other);
	void *a = kmem_alloc(PAGE_SIZE), *b = kmem_alloc(PAGE_SIZE);
	assert_false(vindex_set(&other, 0x1000, tag(1)));
	assert_null(other.root);
	kmem_free(a, PAGE_SIZE);
	kmem_free(b, PAGE_SIZE);
	/* Replacing still works with nothing free. */
	a = kmem_alloc(PAGE_SIZE);
	b = kmem_alloc(PAGE_SIZE);
	assert_true(vindex_set(&vi, 0x1000, tag(0x2000)));
	assert_ptr_equal(vindex_get(&vi, 0x1000), tag(0x2000));
	kmem_free(a, PAGE_SIZE);
	kmem_free(b, PAGE_SIZE);

	while (held) {
		p = held;
		held = *(void **)p;
		kmem_free(p, PAGE_SIZE);
	}
	vindex_free(&vi);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(empty_index, before, after),
		cmocka_unit_test_setup_teardown(set_get_clear, before, after),
		cmocka_unit_test_setup_teardown(rejects_bad_addresses, before, after),
		cmocka_unit_test_setup_teardown(next_walks_in_order, before, after),
		cmocka_unit_test_setup_teardown(random_against_a_model, before, after),
		cmocka_unit_test_setup_teardown(out_of_memory_changes_nothing, before, after),
	};
	return cmocka_run_group_tests(tests, arena_setup, arena_teardown);
}
