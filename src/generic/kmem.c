/* kmem.c - the kernel page allocator (see kmem.h). */
#include "kmem.h"
#include "memmap.h"
#include "port.h"
#include "string.h"

struct chunk {                  /* lives in the first bytes of a free chunk */
	struct chunk *next;     /* next chunk at a higher address */
	size_t size;            /* bytes, a multiple of PAGE_SIZE */
};

static struct chunk *free_list;
static size_t free_bytes, total_bytes;

static uintptr_t chunk_end(const struct chunk *c)
{
	return (uintptr_t)c + c->size;
}

/* Insert [p, p+size) in address order and merge it with its neighbours. */
static void insert(void *p, size_t size)
{
	struct chunk **link = &free_list, *prev = NULL;

	while (*link && (uintptr_t)*link < (uintptr_t)p) {
		prev = *link;
		link = &(*link)->next;
	}
	struct chunk *c = p;
	c->size = size;
	c->next = *link;
	*link = c;
	if (c->next && chunk_end(c) == (uintptr_t)c->next) {
		c->size += c->next->size;
		c->next = c->next->next;
	}
	if (prev && chunk_end(prev) == (uintptr_t)c) {
		prev->size += c->size;
		prev->next = c->next;
	}
	free_bytes += size;
}

void kmem_add(void *base, size_t size)
{
	total_bytes += size;
	insert(base, size);
}

struct ranges {
	unsigned n;
	paddr_t base[MEM_MAP_MAX], end[MEM_MAP_MAX];
};

static void collect(paddr_t base, paddr_t end, void *arg)
{
	struct ranges *r = arg;

	if (r->n < MEM_MAP_MAX) {
		r->base[r->n] = base;
		r->end[r->n++] = end;
	}
}

void kmem_init(struct mem_map *map, size_t budget)
{
	struct ranges r = { 0 };

	mem_map_free_ranges(map, collect, &r);
	budget = ALIGN_DOWN(budget, PAGE_SIZE);
	for (unsigned i = r.n; i-- > 0 && budget;) {
		size_t size = r.end[i] - r.base[i];
		if (size > budget)
			size = budget;
		paddr_t base = r.end[i] - size;
		kmem_add(port_phys_to_virt(base), size);
		mem_map_add(map, base, r.end[i], MEM_KMEM);
		budget -= size;
	}
}

void *kmem_alloc_aligned(size_t size, size_t align)
{
	size = ALIGN_UP(size, PAGE_SIZE);
	if (align < PAGE_SIZE)
		align = PAGE_SIZE;
	if (size == 0 || (align & (align - 1)))
		return NULL;

	for (struct chunk **link = &free_list; *link; link = &(*link)->next) {
		struct chunk *c = *link;
		uintptr_t start = ALIGN_UP((uintptr_t)c, align);
		uintptr_t end = chunk_end(c);
		if (start < (uintptr_t)c || start > end || end - start < size)
			continue;
		/* Unlink c, then give back what lies before and after the block. */
		*link = c->next;
		free_bytes -= c->size;
		if (start > (uintptr_t)c)
			insert(c, start - (uintptr_t)c);
		if (end > start + size)
			insert((void *)(start + size), end - (start + size));
		return memset((void *)start, 0, size);
	}
	return NULL;
}

void *kmem_alloc(size_t size)
{
	return kmem_alloc_aligned(size, PAGE_SIZE);
}

void kmem_free(void *p, size_t size)
{
	insert(p, ALIGN_UP(size, PAGE_SIZE));
}

size_t kmem_free_bytes(void)
{
	return free_bytes;
}

size_t kmem_total_bytes(void)
{
	return total_bytes;
}

unsigned kmem_chunks(void)
{
	unsigned n = 0;

	for (struct chunk *c = free_list; c; c = c->next)
		n++;
	return n;
}
