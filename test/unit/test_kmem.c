/* Unit tests: the kernel page allocator, on an arena of host memory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "kmem.h"
#include "memmap.h"

#define ARENA_PAGES 256
#define ARENA_SIZE (ARENA_PAGES * PAGE_SIZE)

/* The allocator keeps its state in statics, so each test gets a fresh arena
 * and the statics carry over: tests compare against levels, not absolutes. */
static uint8_t *arena;

static int setup(void **state)
{
	(void)state;
	arena = aligned_alloc(ARENA_SIZE, ARENA_SIZE);     /* aligned to its size */
	assert_non_null(arena);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(arena);
	return 0;
}

static void init_from_map(void **state)
{
	struct mem_map map = { 0 };
	(void)state;
	paddr_t base = (uintptr_t)arena;
	mem_map_add(&map, base, base + ARENA_SIZE, MEM_RAM);
	mem_map_add(&map, base + 16 * PAGE_SIZE, base + 32 * PAGE_SIZE, MEM_KERNEL);
	/* A budget smaller than the free RAM: taken from the top down. */
	kmem_init(&map, (ARENA_PAGES - 32) * PAGE_SIZE);
	assert_int_equal(kmem_total_bytes(), (ARENA_PAGES - 32) * PAGE_SIZE);
	assert_int_equal(kmem_free_bytes(), (ARENA_PAGES - 32) * PAGE_SIZE);
	assert_int_equal(kmem_chunks(), 1);
	assert_int_equal(map.count, 3);         /* RAM, kernel, and what kmem took */
	assert_int_equal(map.region[2].type, MEM_KMEM);
	assert_true(map.region[2].base == base + 32 * PAGE_SIZE && map.region[2].end == base + ARENA_SIZE);
	/* The rest of the arena, below the kernel hole, joins later. */
	kmem_add(arena, 16 * PAGE_SIZE);
	assert_int_equal(kmem_total_bytes(), (ARENA_PAGES - 16) * PAGE_SIZE);
	assert_int_equal(kmem_free_bytes(), (ARENA_PAGES - 16) * PAGE_SIZE);
	assert_int_equal(kmem_chunks(), 2);
}

static void alloc_free_merges_back(void **state)
{
	(void)state;
	size_t before = kmem_free_bytes();
	unsigned chunks = kmem_chunks();
	void *p[8];
	for (int i = 0; i < 8; i++) {
		p[i] = kmem_alloc(PAGE_SIZE);
		assert_non_null(p[i]);
		memset(p[i], 0xa5, PAGE_SIZE);
	}
	assert_int_equal(kmem_free_bytes(), before - 8 * PAGE_SIZE);
	/* Free in a scrambled order: neighbours must still merge. */
	static const int order[8] = { 3, 0, 7, 5, 1, 6, 2, 4 };
	for (int i = 0; i < 8; i++)
		kmem_free(p[order[i]], PAGE_SIZE);
	assert_int_equal(kmem_free_bytes(), before);
	assert_int_equal(kmem_chunks(), chunks);
}

static void alloc_is_zeroed_and_disjoint(void **state)
{
	(void)state;
	uint8_t *a = kmem_alloc(2 * PAGE_SIZE);
	uint8_t *b = kmem_alloc(PAGE_SIZE);
	assert_non_null(a);
	assert_non_null(b);
	for (size_t i = 0; i < 2 * PAGE_SIZE; i++)
		assert_int_equal(a[i], 0);
	assert_true(b + PAGE_SIZE <= a || b >= a + 2 * PAGE_SIZE);
	memset(a, 0xff, 2 * PAGE_SIZE);
	kmem_free(a, 2 * PAGE_SIZE);
	a = kmem_alloc(2 * PAGE_SIZE);
	assert_int_equal(a[0], 0);
	kmem_free(a, 2 * PAGE_SIZE);
	kmem_free(b, PAGE_SIZE);
}

static void aligned_allocations(void **state)
{
	(void)state;
	size_t before = kmem_free_bytes();
	void *small = kmem_alloc(PAGE_SIZE);            /* break the arena's alignment */
	void *big = kmem_alloc_aligned(8 * PAGE_SIZE, 8 * PAGE_SIZE);
	assert_non_null(big);
	assert_int_equal((uintptr_t)big % (8 * PAGE_SIZE), 0);
	kmem_free(big, 8 * PAGE_SIZE);
	kmem_free(small, PAGE_SIZE);
	assert_int_equal(kmem_free_bytes(), before);
	assert_null(kmem_alloc_aligned(PAGE_SIZE, 3 * PAGE_SIZE));  /* not a power of two */
	assert_null(kmem_alloc(0));
}

static void exhaustion_returns_null(void **state)
{
	(void)state;
	size_t before = kmem_free_bytes();
	unsigned n = 0;
	void *list = NULL;
	void *p;
	while ((p = kmem_alloc(PAGE_SIZE))) {            /* chain them through themselves */
		*(void **)p = list;
		list = p;
		n++;
	}
	assert_int_equal(n * PAGE_SIZE, before);
	assert_int_equal(kmem_free_bytes(), 0);
	assert_null(kmem_alloc(PAGE_SIZE));
	while (list) {
		p = list;
		list = *(void **)p;
		kmem_free(p, PAGE_SIZE);
	}
	assert_int_equal(kmem_free_bytes(), before);
	assert_int_equal(kmem_chunks(), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(init_from_map),
		cmocka_unit_test(alloc_free_merges_back),
		cmocka_unit_test(alloc_is_zeroed_and_disjoint),
		cmocka_unit_test(aligned_allocations),
		cmocka_unit_test(exhaustion_returns_null),
	};
	/* One arena for the whole group: the allocator's state is global. */
	return cmocka_run_group_tests(tests, setup, teardown);
}
