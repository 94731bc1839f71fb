/* Unit tests: fixed-size object caches on the page allocator. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "kmem.h"
#include "slab.h"

#define ARENA_PAGES 256
#define ARENA_SIZE ((size_t)ARENA_PAGES * PAGE_SIZE)
#include "arena.h"

static size_t free_at_start;


static int before(void **state)
{
	(void)state;
	free_at_start = kmem_free_bytes();
	return 0;
}

/* Every cache gives all its pages back once its objects are freed. */
static int after(void **state)
{
	(void)state;
	assert_int_equal(kmem_free_bytes(), free_at_start);
	return 0;
}

static void objects_are_zeroed_aligned_and_disjoint(void **state)
{
	(void)state;
	struct slab c = SLAB_INIT("test", 40);
	enum { N = 200 };
	uint8_t *obj[N];

	assert_int_equal(slab_per_page(&c), (PAGE_SIZE - 32) / 48);
	for (int i = 0; i < N; i++) {
		obj[i] = slab_alloc(&c);
		assert_non_null(obj[i]);
		assert_int_equal((uintptr_t)obj[i] % 16, 0);
		for (int b = 0; b < 40; b++)
			assert_int_equal(obj[i][b], 0);
		memset(obj[i], 0xa0 + i % 16, 40);
		assert_int_equal(slab_in_use(&c), i + 1);
	}
	/* No two objects overlap: each still holds its own pattern. */
	for (int i = 0; i < N; i++)
		for (int b = 0; b < 40; b++)
			assert_int_equal(obj[i][b], 0xa0 + i % 16);
	unsigned per = slab_per_page(&c);
	assert_int_equal(slab_pages(&c), (N + per - 1) / per);
	assert_int_equal(kmem_free_bytes(), free_at_start - slab_pages(&c) * PAGE_SIZE);

	/* A freed object comes back zeroed. */
	slab_free(&c, obj[5]);
	obj[5] = slab_alloc(&c);
	for (int b = 0; b < 40; b++)
		assert_int_equal(obj[5][b], 0);

	for (int i = N; i-- > 0;)
		slab_free(&c, obj[i]);
	assert_int_equal(slab_in_use(&c), 0);
	assert_int_equal(slab_pages(&c), 0);
}

/* Freeing a page's last object gives the page back, whatever the order. */
static void pages_return_when_empty(void **state)
{
	(void)state;
	struct slab c = SLAB_INIT("test", 1000);
	enum { N = 12 };
	void *obj[N];
	unsigned per = slab_per_page(&c);

	assert_int_equal(per, 4);
	for (int i = 0; i < N; i++)
		assert_non_null(obj[i] = slab_alloc(&c));
	assert_int_equal(slab_pages(&c), 3);
	/* Free the first object of each page: the pages stay. */
	for (int i = 0; i < N; i += 4)
		slab_free(&c, obj[i]);
	assert_int_equal(slab_pages(&c), 3);
	/* Empty the middle page: it goes. */
	for (int i = 5; i < 8; i++)
		slab_free(&c, obj[i]);
	assert_int_equal(slab_pages(&c), 2);
	assert_int_equal(slab_in_use(&c), 6);
	/* The free slots are reused before a new page is taken. */
	obj[0] = slab_alloc(&c);
	obj[8] = slab_alloc(&c);
	assert_int_equal(slab_pages(&c), 2);
	for (int i = 0; i < N; i++)
		if (i != 4 && (i < 5 || i > 7))
			slab_free(&c, obj[i]);
	assert_int_equal(slab_in_use(&c), 0);
	assert_int_equal(slab_pages(&c), 0);
}

static void sizes(void **state)
{
	(void)state;
	struct slab tiny = SLAB_INIT("tiny", 1);
	struct slab big = SLAB_INIT("big", SLAB_MAX_OBJECT);
	struct slab huge = SLAB_INIT("huge", PAGE_SIZE);

	assert_int_equal(slab_per_page(&tiny), (PAGE_SIZE - 32) / 16);
	void *a = slab_alloc(&tiny), *b = slab_alloc(&tiny);
	assert_int_equal((uint8_t *)b - (uint8_t *)a < 0 ? (uint8_t *)a - (uint8_t *)b
							  : (uint8_t *)b - (uint8_t *)a, 16);
	slab_free(&tiny, a);
	slab_free(&tiny, b);

	assert_int_equal(slab_per_page(&big), 1);
	void *p = slab_alloc(&big);
	assert_non_null(p);
	slab_free(&big, p);

	assert_null(slab_alloc(&huge));
	assert_int_equal(slab_in_use(&huge), 0);
	assert_int_equal(slab_pages(&huge), 0);
}

static void out_of_memory_returns_null(void **state)
{
	(void)state;
	struct slab c = SLAB_INIT("test", 64);
	void *held = NULL, *p;
	unsigned long n = 0;

	/* Only two pages left for the cache. */
	while (kmem_free_bytes() > 2 * PAGE_SIZE) {
		p = kmem_alloc(PAGE_SIZE);
		*(void **)p = held;
		held = p;
	}
	void *list = NULL;
	while ((p = slab_alloc(&c))) {
		*(void **)p = list;
		list = p;
		n++;
	}
	assert_int_equal(n, 2 * slab_per_page(&c));
	assert_int_equal(slab_in_use(&c), n);
	assert_int_equal(slab_pages(&c), 2);
	assert_null(slab_alloc(&c));
	assert_int_equal(slab_in_use(&c), n);
	while (list) {
		p = list;
		list = *(void **)p;
		slab_free(&c, p);
	}
	assert_int_equal(slab_pages(&c), 0);
	assert_int_equal(kmem_free_bytes(), 2 * PAGE_SIZE);
	while (held) {
		p = held;
		held = *(void **)p;
		kmem_free(p, PAGE_SIZE);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(objects_are_zeroed_aligned_and_disjoint, before, after),
		cmocka_unit_test_setup_teardown(pages_return_when_empty, before, after),
		cmocka_unit_test_setup_teardown(sizes, before, after),
		cmocka_unit_test_setup_teardown(out_of_memory_returns_null, before, after),
	};
	return cmocka_run_group_tests(tests, arena_setup, arena_teardown);
}
