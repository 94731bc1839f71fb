/*
 * kmem.h - the kernel page allocator.
 *
 * Free memory is a list of page-aligned chunks, kept in address order and
 * merged on free.  Allocations are whole pages, aligned as asked, and zeroed.
 * It is small and exact rather than fast: kernel objects (TCBs, page tables,
 * mapping nodes) are carved from it by their own caches.
 */
#ifndef PECAN_KMEM_H
#define PECAN_KMEM_H

#include "types.h"

struct mem_map;

/* Take up to `budget` bytes of the boot map's free RAM, from the top down,
 * and mark what was taken as MEM_KMEM in the map (the rest is sigma0's). */
void kmem_init(struct mem_map *map, size_t budget);

/* Add [base, base+size) (kernel virtual, page-aligned) to the free memory. */
void kmem_add(void *base, size_t size);

/* size bytes (rounded up to pages), aligned to align (a power of two,
 * at least PAGE_SIZE), zeroed; NULL when no chunk fits. */
void *kmem_alloc_aligned(size_t size, size_t align);
void *kmem_alloc(size_t size);

/* Give back what kmem_alloc returned, with the same size. */
void kmem_free(void *p, size_t size);

size_t kmem_free_bytes(void);   /* bytes free now */
size_t kmem_total_bytes(void);  /* bytes ever handed to the allocator */
unsigned kmem_chunks(void);     /* number of free chunks (fragmentation) */

#endif
