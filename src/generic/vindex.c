/* vindex.c - the sparse page index (see vindex.h). */
#include "vindex.h"
#include "kmem.h"

#define LEVELS 4
#define ENTRIES 512
#define TOP_SHIFT (PAGE_SHIFT + 9 * (LEVELS - 1))   /* 39: the top table's index */

/* Addresses are computed in 64 bits so that the shifts are defined where
 * vaddr_t is 32 bits wide; such ports simply use the low tables. */
typedef uint64_t addr_t;

static unsigned long tables;

static unsigned slot(addr_t a, unsigned shift)
{
	return (unsigned)(a >> shift) & (ENTRIES - 1);
}

static void **table_new(void)
{
	void **t = kmem_alloc(PAGE_SIZE);

	if (t)
		tables++;
	return t;
}

static void table_free(void **t)
{
	kmem_free(t, PAGE_SIZE);
	tables--;
}

static bool table_empty(void **t)
{
	for (unsigned i = 0; i < ENTRIES; i++)
		if (t[i])
			return false;
	return true;
}

static bool in_range(addr_t a)
{
	return a < VINDEX_END && (a & (PAGE_SIZE - 1)) == 0;
}

void vindex_init(struct vindex *vi)
{
	vi->root = NULL;
}

/* Free the tables on va's path that are empty, from the bottom up.  Used
 * after a clear and to undo a half-built path when an allocation fails. */
static void prune(struct vindex *vi, addr_t a)
{
	void **path[LEVELS];
	unsigned shift = TOP_SHIFT;
	int depth = 0;

	for (void **t = vi->root; t && depth < LEVELS; shift -= 9) {
		path[depth++] = t;
		t = t[slot(a, shift)];
	}
	while (depth > 0) {
		void **t = path[--depth];
		if (!table_empty(t))
			return;
		table_free(t);
		shift = TOP_SHIFT - 9 * (unsigned)depth;
		if (depth == 0)
			vi->root = NULL;
		else
			path[depth - 1][slot(a, shift + 9)] = NULL;
	}
}

bool vindex_set(struct vindex *vi, vaddr_t va, void *p)
{
	addr_t a = va;

	if (unlikely(!in_range(a) || !p))
		return false;
	if (!vi->root && !(vi->root = table_new()))
		return false;
	void **t = vi->root;
	for (unsigned shift = TOP_SHIFT; shift > PAGE_SHIFT; shift -= 9) {
		void **next = t[slot(a, shift)];
		if (!next) {
			next = table_new();
			if (unlikely(!next)) {
				prune(vi, a);
				return false;
			}
			t[slot(a, shift)] = next;
		}
		t = next;
	}
	t[slot(a, PAGE_SHIFT)] = p;
	return true;
}

void *vindex_get(const struct vindex *vi, vaddr_t va)
{
	addr_t a = va;
	void **t = vi->root;

	if (!in_range(a))
		return NULL;
	for (unsigned shift = TOP_SHIFT; t && shift > PAGE_SHIFT; shift -= 9)
		t = t[slot(a, shift)];
	return t ? t[slot(a, PAGE_SHIFT)] : NULL;
}

void vindex_clear(struct vindex *vi, vaddr_t va)
{
	addr_t a = va;
	void **t = vi->root;

	if (!in_range(a))
		return;
	for (unsigned shift = TOP_SHIFT; t && shift > PAGE_SHIFT; shift -= 9)
		t = t[slot(a, shift)];
	if (!t || !t[slot(a, PAGE_SHIFT)])
		return;
	t[slot(a, PAGE_SHIFT)] = NULL;
	prune(vi, a);
}

void *vindex_next(const struct vindex *vi, vaddr_t *va, vaddr_t end)
{
	addr_t a = ALIGN_UP((addr_t)*va, PAGE_SIZE);
	addr_t stop = end;

	if (stop > VINDEX_END)
		stop = VINDEX_END;
	if (a < *va)
		return NULL;            /* rounding up wrapped */
	while (a < stop && vi->root) {
		void **t = vi->root;
		unsigned shift = TOP_SHIFT;
		for (;;) {
			unsigned i = slot(a, shift);
			while (i < ENTRIES && !t[i])
				i++;
			if (i == ENTRIES)
				break;          /* nothing more under this table */
			if (i != slot(a, shift)) {
				/* Skipped empty slots: start at the next entry's base. */
				addr_t span = (addr_t)1 << (shift + 9);
				a = (a & ~(span - 1)) | (addr_t)i << shift;
			}
			if (a >= stop)
				return NULL;
			if (shift == PAGE_SHIFT) {
				*va = (vaddr_t)a;
				return t[i];
			}
			t = t[i];
			shift -= 9;
		}
		/* Past the end of the table at this level: go on after its span. */
		addr_t span = (addr_t)1 << (shift + 9);
		a = (a & ~(span - 1)) + span;
	}
	return NULL;
}

/* Free t and its subtables; depth is bounded by LEVELS. */
static void free_tree(void **t, unsigned shift)
{
	if (shift > PAGE_SHIFT)
		for (unsigned i = 0; i < ENTRIES; i++)
			if (t[i])
				free_tree(t[i], shift - 9);
	table_free(t);
}

void vindex_free(struct vindex *vi)
{
	if (vi->root)
		free_tree(vi->root, TOP_SHIFT);
	vi->root = NULL;
}

unsigned long vindex_tables(void)
{
	return tables;
}
