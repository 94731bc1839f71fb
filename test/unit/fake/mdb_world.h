/*
 * The world of the mapping-database tests: kernel memory from a host arena,
 * six spaces over the fake MMU, and checks of the whole state.  Included by
 * test_mdb.c only (it defines the tests' statics).
 */
#ifndef MDB_WORLD_H
#define MDB_WORLD_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "fake_port.h"
#include "kmem.h"
#include "mdb.h"
#include "vindex.h"

#define ARENA_PAGES 4096
#define ARENA_SIZE ((size_t)ARENA_PAGES * PAGE_SIZE)
#include "arena.h"
#define NSPACES 6
#define RWX L4_RIGHTS_ALL
#define R L4_RIGHT_R
#define W L4_RIGHT_W
#define X L4_RIGHT_X

static space_t spaces[NSPACES];
static space_t *const sigma0 = &spaces[0];
static space_t *const a = &spaces[1], *const b = &spaces[2], *const c = &spaces[3];
static space_t *const d = &spaces[4], *const e = &spaces[5];
static size_t free_at_start;
static unsigned long tables_at_start;


static int before(void **state)
{
	(void)state;
	fake_space_reset();
	memset(spaces, 0, sizeof(spaces));
	for (unsigned i = 0; i < NSPACES; i++) {
		spaces[i].pt.id = i;
		assert_true(port_space_init(&spaces[i].pt));
		mdb_space_init(&spaces[i]);
	}
	free_at_start = kmem_free_bytes();
	tables_at_start = vindex_tables();
	assert_int_equal(mdb_nodes(), 0);
	return 0;
}

/* Every test ends by destroying its spaces: then no node, no index table,
 * no page-table entry and no kernel page may be left. */
static int after(void **state)
{
	(void)state;
	for (unsigned i = 0; i < NSPACES; i++)
		mdb_space_destroy(&spaces[i]);
	assert_int_equal(mdb_nodes(), 0);
	assert_int_equal(fake_space_count(NULL), 0);
	assert_int_equal(vindex_tables(), tables_at_start);
	assert_int_equal(kmem_free_bytes(), free_at_start);
	return 0;
}

/* ---- Checking the whole state ---- */

/* The invariants of mdb.h, over every space: index, tree and "hardware".
 * Returns the number of nodes seen. */
static unsigned long check(void)
{
	unsigned long nodes = 0;

	for (unsigned i = 0; i < NSPACES; i++) {
		space_t *s = &spaces[i];
		unsigned here = 0;
		mdb_node_t *n;
		for (vaddr_t va = 0; (n = vindex_next(&s->mappings, &va, VINDEX_END)); va += PAGE_SIZE) {
			paddr_t pa;
			unsigned rights;
			assert_ptr_equal(n->space, s);
			assert_int_equal(n->va, va);
			assert_int_not_equal(n->rights, 0);
			assert_true(fake_space_entry(&s->pt, va, &pa, &rights));
			assert_int_equal(pa, n->frame);
			assert_int_equal(rights, n->rights);
			if (n->parent) {
				assert_int_equal(n->frame, n->parent->frame);
				assert_int_equal(n->rights & ~n->parent->rights, 0);
				bool found = false;
				for (mdb_node_t *k = n->parent->child; k; k = k->next)
					found |= k == n;
				assert_true(found);
			}
			for (mdb_node_t *k = n->child; k; k = k->next) {
				assert_ptr_equal(k->parent, n);
				assert_ptr_equal(k->prev ? k->prev->next : n->child, k);
				assert_ptr_equal(mdb_lookup(k->space, k->va), k);
			}
			here++;
		}
		assert_int_equal(here, fake_space_count(&s->pt));
		nodes += here;
	}
	assert_int_equal(nodes, mdb_nodes());
	return nodes;
}

/* The page at va in s maps frame with exactly rights (0: not mapped). */
static void expect(space_t *s, vaddr_t va, paddr_t frame, unsigned rights)
{
	paddr_t pa = 0;
	unsigned r = 0;
	bool mapped = fake_space_entry(&s->pt, va, &pa, &r);
	mdb_node_t *n = mdb_lookup(s, va);

	if (!rights) {
		assert_false(mapped);
		assert_null(n);
		return;
	}
	assert_true(mapped);
	assert_int_equal(pa, frame);
	assert_int_equal(r, rights);
	assert_non_null(n);
	assert_int_equal(n->frame, frame);
	assert_int_equal(n->rights, rights);
}

static fpage_t page(vaddr_t va, unsigned rights)
{
	return fpage_make(va, PAGE_SHIFT, rights);
}

#define F1 0x100000
#define F2 0x200000

/* sigma0 -> a -> b -> c for frame F1, all with full rights. */
static mdb_node_t *chain3(void)
{
	mdb_node_t *root = mdb_root(sigma0, F1, F1, RWX);
	assert_non_null(root);
	assert_int_equal(mdb_map(root, a, 0x10000, RWX), MDB_OK);
	assert_int_equal(mdb_map(mdb_lookup(a, 0x10000), b, 0x20000, RWX), MDB_OK);
	assert_int_equal(mdb_map(mdb_lookup(b, 0x20000), c, 0x30000, RWX), MDB_OK);
	assert_int_equal(check(), 4);
	return root;
}

/* Holds all free kernel memory but `leave` pages; give_back() returns it. */
static void *held;
static void hog(size_t leave)
{
	void *p;
	while (kmem_free_bytes() > leave * PAGE_SIZE && (p = kmem_alloc(PAGE_SIZE))) {
		*(void **)p = held;
		held = p;
	}
}

static void give_back(void)
{
	while (held) {
		void *p = held;
		held = *(void **)p;
		kmem_free(p, PAGE_SIZE);
	}
}

/* The whole observable state, to compare before and after a failed call. */
struct snapshot {
	unsigned long nodes, tables;
	size_t free;
	unsigned entries;
};

static struct snapshot snap(void)
{
	return (struct snapshot){ mdb_nodes(), vindex_tables(), kmem_free_bytes(), fake_space_count(NULL) };
}

static void same(struct snapshot x, struct snapshot y)
{
	assert_int_equal(x.nodes, y.nodes);
	assert_int_equal(x.tables, y.tables);
	assert_int_equal(x.free, y.free);
	assert_int_equal(x.entries, y.entries);
}

/* A random node of s, or NULL if s has none. */
static mdb_node_t *any_node(space_t *s)
{
	mdb_node_t *all[64], *n;
	unsigned k = 0;

	for (vaddr_t va = 0; k < 64 && (n = vindex_next(&s->mappings, &va, VINDEX_END)); va += PAGE_SIZE)
		all[k++] = n;
	return k ? all[rand() % k] : NULL;
}

#endif
