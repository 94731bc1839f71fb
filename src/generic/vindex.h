/*
 * vindex.h - a sparse map from user page addresses to pointers.
 *
 * A radix tree of four levels of 512 entries above the 4 KiB page, like a
 * 48-bit page table, so it covers user addresses below VINDEX_END.  Tables
 * are kmem pages, allocated on first use and freed when they empty again,
 * so the memory it holds follows what is in it.  Each space keeps one, from
 * its user pages to their mapping-database nodes.
 *
 * Not locked: the caller serialises access to one vindex.
 */
#ifndef PECAN_VINDEX_H
#define PECAN_VINDEX_H

#include "types.h"

#define VINDEX_BITS 48
#define VINDEX_END ((uint64_t)1 << VINDEX_BITS)     /* first address it cannot hold */

struct vindex {
	void **root;            /* top table, or NULL while empty */
};

/* An empty index.  Holds no memory, so it needs no vindex_free. */
void vindex_init(struct vindex *vi);

/*
 * Make va (page-aligned, below VINDEX_END) map to p (not NULL).
 * Returns false, with the index unchanged, when a table cannot be allocated
 * or va is out of range.  Replacing an existing entry never allocates, so it
 * never fails.
 */
bool vindex_set(struct vindex *vi, vaddr_t va, void *p);

/* The pointer at page va, or NULL. */
void *vindex_get(const struct vindex *vi, vaddr_t va);

/* Remove the entry at page va, if any, and free the tables that empty. */
void vindex_clear(struct vindex *vi, vaddr_t va);

/*
 * The first entry at an address a with *va <= a < end, or NULL if there is
 * none; on success *va = a.  Empty subtrees are skipped whole, so walking a
 * huge sparse range costs about what is in it.  The index may be changed
 * between calls (walk on from the last address + PAGE_SIZE).
 */
void *vindex_next(const struct vindex *vi, vaddr_t *va, vaddr_t end);

/* Free every table (not what the entries point to); the index is empty. */
void vindex_free(struct vindex *vi);

/* Tables held by all indexes now (a pool count for tests). */
unsigned long vindex_tables(void);

#endif
