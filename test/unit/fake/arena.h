/*
 * arena.h - host memory for the kernel allocator, for a test group:
 * arena_setup() hands ARENA_SIZE bytes of page-aligned host memory to kmem,
 * arena_teardown() frees it.  A test file defines ARENA_SIZE first.
 */
#ifndef FAKE_ARENA_H
#define FAKE_ARENA_H

#include <stdlib.h>
#include "kmem.h"

static uint8_t *arena;

static int arena_setup(void **state)
{
	(void)state;
	arena = aligned_alloc(PAGE_SIZE, ARENA_SIZE);
	assert_non_null(arena);
	kmem_add(arena, ARENA_SIZE);
	return 0;
}

static int arena_teardown(void **state)
{
	(void)state;
	free(arena);
	return 0;
}

#endif
