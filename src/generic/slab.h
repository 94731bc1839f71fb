/*
 * slab.h - fixed-size object caches on top of the page allocator.
 *
 * A cache carves one size of object out of kmem pages.  Each page starts
 * with a small header (its free list and how many of its objects are in
 * use), so freeing is O(1) and a page whose objects are all free goes back
 * to kmem at once: kernel memory follows what is really in use.
 *
 * Every cache counts its objects and pages, so tests (and the kernel
 * debugger) can check that a pool returns to its starting level.
 */
#ifndef PECAN_SLAB_H
#define PECAN_SLAB_H

#include "types.h"

struct slab_page;

struct slab {
	/* Fixed at definition. */
	const char *name;
	size_t size;                    /* bytes asked for; rounded up inside */

	/* Changed by slab_alloc and slab_free. */
	struct slab_page *partial;      /* pages with at least one free object */
	unsigned long in_use;           /* objects handed out and not yet freed */
	unsigned long pages;            /* kmem pages the cache holds */
};

/* A cache definition: static struct slab nodes = SLAB_INIT("mdb", sizeof(x)); */
#define SLAB_INIT(n, sz) { .name = (n), .size = (sz) }

/* The largest object a cache can hold (one per page). */
#define SLAB_MAX_OBJECT (PAGE_SIZE - 64)

/*
 * A zeroed object of the cache's size, aligned to 16 bytes.
 * Returns NULL when kmem has no page left (or the size is over
 * SLAB_MAX_OBJECT); the cache is then unchanged.
 */
void *slab_alloc(struct slab *c);

/* Give back an object that slab_alloc returned from this same cache. */
void slab_free(struct slab *c, void *obj);

/* Counters: objects in use, pages held, and objects one page holds. */
unsigned long slab_in_use(const struct slab *c);
unsigned long slab_pages(const struct slab *c);
unsigned slab_per_page(const struct slab *c);

#endif
