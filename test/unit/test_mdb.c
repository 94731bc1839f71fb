/* Unit tests: the mapping database, over the fake port's page tables. */
#include "mdb_world.h"

/* ---- Tests ---- */

static void root_maps_in_hardware(void **state)
{
	(void)state;
	mdb_node_t *r = mdb_root(sigma0, F1, F1, R);
	assert_non_null(r);
	assert_null(r->parent);
	expect(sigma0, F1, F1, R);

	/* Asking again returns the same root and only adds rights. */
	assert_ptr_equal(mdb_root(sigma0, F1, F1, W | X), r);
	expect(sigma0, F1, F1, RWX);
	assert_ptr_equal(mdb_root(sigma0, F1, F1, R), r);
	expect(sigma0, F1, F1, RWX);
	assert_int_equal(check(), 1);

	/* Bad arguments give NULL and change nothing. */
	assert_null(mdb_root(sigma0, F1 + 1, F1, R));
	assert_null(mdb_root(sigma0, F2, F2 + 8, R));
	assert_null(mdb_root(sigma0, F2, F2, 0));
	assert_null(mdb_root(sigma0, PORT_USER_END, F2, R));
	assert_int_equal(check(), 1);
	assert_null(mdb_lookup(sigma0, 0));
	assert_ptr_equal(mdb_lookup(sigma0, F1 + 0x123), r);
}

static void map_chain_across_spaces(void **state)
{
	(void)state;
	mdb_node_t *root = mdb_root(sigma0, F1, F1, RWX);
	assert_int_equal(mdb_map(root, a, 0x10000, R | W), MDB_OK);
	mdb_node_t *na = mdb_lookup(a, 0x10000);
	assert_int_equal(mdb_map(na, b, 0x20000, RWX), MDB_OK);      /* only rw to pass on */
	mdb_node_t *nb = mdb_lookup(b, 0x20000);
	assert_int_equal(mdb_map(nb, c, 0x30000, R | X), MDB_OK);    /* r of that */
	mdb_node_t *nc = mdb_lookup(c, 0x30000);
	assert_int_equal(mdb_map(nc, d, 0x40000, R), MDB_OK);

	expect(a, 0x10000, F1, R | W);
	expect(b, 0x20000, F1, R | W);
	expect(c, 0x30000, F1, R);
	expect(d, 0x40000, F1, R);
	assert_ptr_equal(na->parent, root);
	assert_ptr_equal(nb->parent, na);
	assert_ptr_equal(nc->parent, nb);
	assert_ptr_equal(mdb_lookup(d, 0x40000)->parent, nc);

	/* No rights in common: nothing is mapped. */
	assert_int_equal(mdb_map(nc, e, 0x50000, W | X), MDB_OK);
	expect(e, 0x50000, 0, 0);

	/* Fan-out: two children of one node. */
	assert_int_equal(mdb_map(na, e, 0x60000, R), MDB_OK);
	assert_int_equal(mdb_lookup(e, 0x60000)->parent, na);
	assert_int_equal(check(), 6);

	/* Outside user space, or unaligned: refused, nothing changes. */
	assert_int_equal(mdb_map(na, e, PORT_USER_END, R), MDB_INVALID);
	assert_int_equal(mdb_map(na, e, 0x60010, R), MDB_INVALID);
	assert_int_equal(check(), 6);
}

static void unmap_revokes_a_chain_recursively(void **state)
{
	(void)state;
	chain3();
	/* a unmaps its page without flush: b and c lose it, a keeps it. */
	assert_int_equal(mdb_unmap(a, page(0x10000, RWX), false), 0);
	expect(a, 0x10000, F1, RWX);
	expect(b, 0x20000, 0, 0);
	expect(c, 0x30000, 0, 0);
	assert_null(mdb_lookup(a, 0x10000)->child);
	assert_int_equal(check(), 2);

	/* Rebuild, then flush from sigma0's whole space: only the root is left. */
	assert_int_equal(mdb_map(mdb_lookup(a, 0x10000), b, 0x20000, RWX), MDB_OK);
	assert_int_equal(mdb_map(mdb_lookup(b, 0x20000), c, 0x30000, RWX), MDB_OK);
	assert_int_equal(check(), 4);
	mdb_unmap(sigma0, fpage_complete(RWX), false);
	expect(sigma0, F1, F1, RWX);
	expect(a, 0x10000, 0, 0);
	assert_int_equal(check(), 1);
}

static void flush_also_revokes_own(void **state)
{
	(void)state;
	chain3();
	/* b flushes: b and c lose the page, a and sigma0 keep it. */
	mdb_unmap(b, page(0x20000, RWX), true);
	expect(sigma0, F1, F1, RWX);
	expect(a, 0x10000, F1, RWX);
	expect(b, 0x20000, 0, 0);
	expect(c, 0x30000, 0, 0);
	assert_int_equal(check(), 2);

	/* An fpage around nothing the caller has mapped does nothing. */
	mdb_unmap(a, page(0x20000, RWX), true);
	mdb_unmap(a, FPAGE_NIL, true);
	mdb_unmap(a, (fpage_t){ 0x10000 | 5 << 4 | 7 }, true);   /* s < 10: nil */
	expect(a, 0x10000, F1, RWX);
	/* A larger fpage around the page counts. */
	mdb_unmap(a, fpage_make(0, 20, RWX), true);
	expect(a, 0x10000, 0, 0);
	assert_int_equal(check(), 1);
}

static void partial_rights_revocation(void **state)
{
	(void)state;
	chain3();
	/* Take w from everything below a. */
	mdb_unmap(a, page(0x10000, W), false);
	expect(a, 0x10000, F1, RWX);
	expect(b, 0x20000, F1, R | X);
	expect(c, 0x30000, F1, R | X);
	check();
	/* Then x, with flush: a loses it too. */
	mdb_unmap(a, page(0x10000, X), true);
	expect(a, 0x10000, F1, R | W);
	expect(b, 0x20000, F1, R);
	expect(c, 0x30000, F1, R);
	check();
	/* Rights the descendants do not have change nothing for them. */
	mdb_unmap(sigma0, page(F1, W | X), false);
	expect(a, 0x10000, F1, R);
	expect(b, 0x20000, F1, R);
	/* The last right goes: the mappings go. */
	mdb_unmap(sigma0, page(F1, R), false);
	expect(a, 0x10000, 0, 0);
	expect(b, 0x20000, 0, 0);
	expect(c, 0x30000, 0, 0);
	expect(sigma0, F1, F1, RWX);
	assert_int_equal(check(), 1);
}

/* c's parent loses only w: c keeps r; a mapping in the middle of a chain
 * with fewer rights protects the ones below from rights it does not have. */
static void partial_rights_mixed_tree(void **state)
{
	(void)state;
	mdb_node_t *root = mdb_root(sigma0, F1, F1, RWX);
	assert_int_equal(mdb_map(root, a, 0x1000, R), MDB_OK);
	assert_int_equal(mdb_map(root, b, 0x2000, RWX), MDB_OK);
	assert_int_equal(mdb_map(mdb_lookup(b, 0x2000), c, 0x3000, R | W), MDB_OK);
	mdb_unmap(sigma0, page(F1, W), false);
	expect(a, 0x1000, F1, R);
	expect(b, 0x2000, F1, R | X);
	expect(c, 0x3000, F1, R);
	mdb_unmap(sigma0, page(F1, X), false);
	expect(a, 0x1000, F1, R);
	expect(b, 0x2000, F1, R);
	assert_int_equal(check(), 4);
}

static void grant_moves_the_node_with_its_children(void **state)
{
	(void)state;
	mdb_node_t *root = mdb_root(sigma0, F1, F1, RWX);
	assert_int_equal(mdb_map(root, a, 0x10000, RWX), MDB_OK);
	mdb_node_t *na = mdb_lookup(a, 0x10000);
	assert_int_equal(mdb_map(na, b, 0x20000, RWX), MDB_OK);
	assert_int_equal(mdb_map(na, c, 0x30000, R), MDB_OK);

	assert_int_equal(mdb_grant(na, d, 0x40000, RWX), MDB_OK);
	expect(a, 0x10000, 0, 0);               /* the sender lost the page */
	expect(d, 0x40000, F1, RWX);
	mdb_node_t *nd = mdb_lookup(d, 0x40000);
	assert_ptr_equal(nd, na);               /* the same node, moved */
	assert_ptr_equal(nd->parent, root);
	assert_ptr_equal(mdb_lookup(b, 0x20000)->parent, nd);
	assert_ptr_equal(mdb_lookup(c, 0x30000)->parent, nd);
	assert_int_equal(check(), 4);

	/* Unmapping from the receiver reaches the children. */
	mdb_unmap(d, page(0x40000, RWX), false);
	expect(b, 0x20000, 0, 0);
	expect(c, 0x30000, 0, 0);
	expect(d, 0x40000, F1, RWX);
	/* And the sender's unmap reaches nothing any more. */
	assert_int_equal(mdb_map(nd, b, 0x20000, RWX), MDB_OK);
	mdb_unmap(a, fpage_complete(RWX), true);
	expect(b, 0x20000, F1, RWX);
	assert_int_equal(check(), 3);
}

static void grant_with_fewer_rights_cuts_the_children(void **state)
{
	(void)state;
	chain3();
	mdb_node_t *na = mdb_lookup(a, 0x10000);
	assert_int_equal(mdb_grant(na, d, 0x40000, R | X), MDB_OK);
	expect(d, 0x40000, F1, R | X);
	expect(b, 0x20000, F1, R | X);
	expect(c, 0x30000, F1, R | X);
	assert_int_equal(check(), 4);
	/* Granted with only w (which a gave away before): nothing happens. */
	assert_int_equal(mdb_grant(mdb_lookup(d, 0x40000), e, 0x50000, W), MDB_OK);
	expect(d, 0x40000, F1, R | X);
	expect(e, 0x50000, 0, 0);
	/* A root can be granted too: sigma0 gives the frame away. */
	assert_int_equal(mdb_grant(mdb_lookup(sigma0, F1), e, 0x50000, R), MDB_OK);
	expect(sigma0, F1, 0, 0);
	expect(e, 0x50000, F1, R);
	expect(d, 0x40000, F1, R);
	expect(c, 0x30000, F1, R);
	assert_null(mdb_lookup(e, 0x50000)->parent);
	assert_int_equal(check(), 4);
}

static void grant_onto_itself_or_an_ancestor_does_nothing(void **state)
{
	(void)state;
	chain3();
	mdb_node_t *nb = mdb_lookup(b, 0x20000);
	assert_int_equal(mdb_grant(nb, b, 0x20000, RWX), MDB_OK);
	assert_int_equal(mdb_grant(nb, a, 0x10000, RWX), MDB_OK);
	assert_int_equal(mdb_map(nb, a, 0x10000, RWX), MDB_OK);
	assert_int_equal(mdb_map(nb, b, 0x20000, R), MDB_OK);
	expect(a, 0x10000, F1, RWX);
	expect(b, 0x20000, F1, RWX);
	assert_ptr_equal(mdb_lookup(c, 0x30000)->parent, nb);
	assert_int_equal(check(), 4);
	/* Granting within one space moves the page. */
	assert_int_equal(mdb_grant(nb, b, 0x21000, RWX), MDB_OK);
	expect(b, 0x20000, 0, 0);
	expect(b, 0x21000, F1, RWX);
	assert_int_equal(check(), 4);
}

static void remap_over_an_existing_mapping(void **state)
{
	(void)state;
	chain3();
	mdb_node_t *r2 = mdb_root(sigma0, F2, F2, RWX);
	assert_non_null(r2);
	/* Another frame onto b's page: b's old mapping goes, with c's. */
	assert_int_equal(mdb_map(r2, b, 0x20000, R), MDB_OK);
	expect(b, 0x20000, F2, R);
	expect(c, 0x30000, 0, 0);
	expect(a, 0x10000, F1, RWX);
	assert_ptr_equal(mdb_lookup(b, 0x20000)->parent, r2);
	assert_int_equal(check(), 4);

	/* The same frame from the same parent: only adds rights, same node. */
	mdb_node_t *nb = mdb_lookup(b, 0x20000);
	assert_int_equal(mdb_map(nb, c, 0x30000, R), MDB_OK);
	assert_int_equal(mdb_map(r2, b, 0x20000, W), MDB_OK);
	assert_ptr_equal(mdb_lookup(b, 0x20000), nb);
	expect(b, 0x20000, F2, R | W);
	expect(c, 0x30000, F2, R);              /* the child survives */
	assert_int_equal(check(), 5);

	/* The same frame from another parent: replaced, children dropped. */
	assert_int_equal(mdb_map(mdb_lookup(a, 0x10000), d, 0x40000, RWX), MDB_OK);
	assert_int_equal(mdb_map(mdb_lookup(d, 0x40000), e, 0x50000, RWX), MDB_OK);
	assert_int_equal(mdb_map(mdb_lookup(sigma0, F1), d, 0x40000, R), MDB_OK);
	expect(d, 0x40000, F1, R);
	expect(e, 0x50000, 0, 0);
	assert_ptr_equal(mdb_lookup(d, 0x40000)->parent, mdb_lookup(sigma0, F1));
	assert_int_equal(check(), 6);

	/* A grant onto an existing mapping replaces it too. */
	assert_int_equal(mdb_grant(mdb_lookup(d, 0x40000), b, 0x20000, R), MDB_OK);
	expect(b, 0x20000, F1, R);
	expect(c, 0x30000, 0, 0);
	expect(d, 0x40000, 0, 0);
	assert_int_equal(check(), 4);
}

static void status_bits(void **state)
{
	(void)state;
	chain3();
	/* Nothing touched yet. */
	assert_int_equal(mdb_unmap(sigma0, page(F1, 0), false), 0);
	/* c writes: its ancestors see it once, through a query (rights 0). */
	assert_true(fake_space_touch(&c->pt, 0x30000, W));
	assert_int_equal(mdb_unmap(a, page(0x10000, 0), false), L4_STATUS_R | L4_STATUS_W);
	assert_int_equal(mdb_unmap(a, page(0x10000, 0), false), 0);
	assert_int_equal(check(), 4);           /* a query revokes nothing */
	/* The caller's own accesses count too. */
	assert_true(fake_space_touch(&a->pt, 0x10000, R));
	assert_int_equal(mdb_unmap(a, page(0x10000, 0), false), L4_STATUS_R);
	assert_true(fake_space_touch(&b->pt, 0x20000, R));
	assert_int_equal(mdb_unmap(c, page(0x30000, 0), false), 0);  /* not below c */
	assert_int_equal(mdb_unmap(sigma0, fpage_complete(0), false), L4_STATUS_R);

	/* Status of a mapping that goes some other way is kept for the parent:
	 * c writes, then a new frame replaces c's page. */
	assert_true(fake_space_touch(&c->pt, 0x30000, W));
	mdb_node_t *r2 = mdb_root(sigma0, F2, F2, RWX);
	assert_int_equal(mdb_map(r2, c, 0x30000, RWX), MDB_OK);
	assert_int_equal(mdb_unmap(a, page(0x10000, 0), false), L4_STATUS_R | L4_STATUS_W);
	assert_int_equal(mdb_unmap(a, page(0x10000, 0), false), 0);
	assert_int_equal(mdb_unmap(b, page(0x20000, 0), false), 0);     /* a's query took them */
	/* Again, asked by b itself this time. */
	assert_int_equal(mdb_map(mdb_lookup(b, 0x20000), c, 0x30000, RWX), MDB_OK);
	assert_true(fake_space_touch(&c->pt, 0x30000, W));
	assert_int_equal(mdb_map(r2, c, 0x30000, RWX), MDB_OK);
	assert_int_equal(mdb_unmap(b, page(0x20000, 0), false), L4_STATUS_R | L4_STATUS_W);
	assert_int_equal(mdb_unmap(b, page(0x20000, 0), false), 0);
	assert_int_equal(mdb_unmap(sigma0, page(F2, 0), false), 0);     /* F2 was not touched */
	/* ... or whose space dies. */
	assert_true(fake_space_touch(&c->pt, 0x30000, R));
	mdb_space_destroy(c);
	assert_int_equal(mdb_unmap(sigma0, page(F2, 0), false), L4_STATUS_R);
	/* An unmap that removes a mapping reports what it saw. */
	assert_true(fake_space_touch(&b->pt, 0x20000, W));
	assert_int_equal(mdb_unmap(a, page(0x10000, RWX), false), L4_STATUS_R | L4_STATUS_W);
	/* Adding rights to a mapping keeps the status it had. */
	assert_int_equal(mdb_map(mdb_lookup(sigma0, F1), a, 0x10000, RWX), MDB_OK);
	assert_int_equal(mdb_map(mdb_lookup(a, 0x10000), b, 0x20000, R), MDB_OK);
	assert_true(fake_space_touch(&b->pt, 0x20000, R));
	assert_int_equal(mdb_map(mdb_lookup(a, 0x10000), b, 0x20000, W), MDB_OK);
	expect(b, 0x20000, F1, R | W);
	assert_int_equal(mdb_unmap(b, page(0x20000, 0), false), L4_STATUS_R);
	/* So does replacing it, for its parent. */
	assert_true(fake_space_touch(&b->pt, 0x20000, W));
	assert_int_equal(mdb_map(r2, b, 0x20000, R), MDB_OK);
	assert_int_equal(mdb_unmap(a, page(0x10000, 0), false), L4_STATUS_R | L4_STATUS_W);
	/* The fake refuses a write to a read-only page: no status. */
	mdb_unmap(a, page(0x10000, W), true);
	assert_false(fake_space_touch(&a->pt, 0x10000, W));
	assert_int_equal(mdb_unmap(a, page(0x10000, 0), false), 0);
	check();
}

static void unmap_costs_what_is_mapped(void **state)
{
	(void)state;
	vaddr_t top = PORT_USER_END - PAGE_SIZE;
	mdb_node_t *r1 = mdb_root(sigma0, 0, F1, RWX);
	mdb_node_t *r2 = mdb_root(sigma0, top, F2, RWX);
	assert_int_equal(mdb_map(r1, a, 0, RWX), MDB_OK);
	assert_int_equal(mdb_map(r2, a, top, RWX), MDB_OK);

	unsigned long before = fake_space_protects;
	mdb_unmap(sigma0, fpage_complete(W), false);     /* 2^35 pages of range */
	assert_int_equal(fake_space_protects - before, 4);  /* 2 roots, 2 children */
	expect(a, 0, F1, R | X);
	expect(a, top, F2, R | X);
	before = fake_space_protects;
	mdb_unmap(a, fpage_complete(RWX), true);
	assert_int_equal(fake_space_protects - before, 2);
	expect(a, 0, 0, 0);
	expect(a, top, 0, 0);
	assert_int_equal(check(), 2);
}

/* A chain far deeper than a kernel stack could recurse. */
static void long_chains_are_walked_iteratively(void **state)
{
	(void)state;
	enum { DEPTH = 20000 };
	mdb_node_t *n = mdb_root(sigma0, F1, F1, RWX);

	for (unsigned i = 1; i < DEPTH; i++) {
		space_t *s = &spaces[1 + i % 2];
		vaddr_t va = (vaddr_t)i * PAGE_SIZE;
		assert_int_equal(mdb_map(n, s, va, RWX), MDB_OK);
		n = mdb_lookup(s, va);
	}
	assert_int_equal(mdb_nodes(), DEPTH);
	assert_true(fake_space_touch(&n->space->pt, n->va, W));
	assert_int_equal(mdb_unmap(sigma0, page(F1, W), false), L4_STATUS_R | L4_STATUS_W);
	expect(n->space, n->va, F1, R | X);
	assert_int_equal(mdb_nodes(), DEPTH);
	mdb_unmap(sigma0, page(F1, RWX), false);
	assert_int_equal(mdb_nodes(), 1);
	assert_int_equal(check(), 1);

	/* A wide tree, then the root flushed. */
	mdb_node_t *root = mdb_lookup(sigma0, F1);
	for (unsigned i = 0; i < 3000; i++)
		assert_int_equal(mdb_map(root, &spaces[1 + i % 5], (vaddr_t)(i + 1) * PAGE_SIZE, R), MDB_OK);
	assert_int_equal(check(), 3001);
	mdb_unmap(sigma0, page(F1, R), true);
	expect(sigma0, F1, F1, W | X);          /* flush took r from the root too */
	assert_int_equal(check(), 1);
}

static void transfer_moves_what_is_mapped(void **state)
{
	(void)state;
	/* sigma0 holds 8 pages from 0x800000; two are missing. */
	for (vaddr_t va = 0x800000; va < 0x808000; va += PAGE_SIZE)
		if (va != 0x802000 && va != 0x805000)
			assert_non_null(mdb_root(sigma0, va, va, RWX));
	/* a's KIP area is at 0x406000 (one page): never overwritten. */
	a->kip_area = fpage_make(0x406000, 12, 0);
	assert_int_equal(mdb_transfer(sigma0, 0x800000, a, 0x400000, 15, R | W, false), MDB_OK);
	for (vaddr_t off = 0; off < 0x8000; off += PAGE_SIZE) {
		bool hole = off == 0x2000 || off == 0x5000 || off == 0x6000;
		expect(a, 0x400000 + off, hole ? 0 : 0x800000 + off, hole ? 0 : R | W);
	}
	assert_int_equal(check(), 6 + 5);

	/* Grant half of it on to b: a loses those pages. */
	assert_int_equal(mdb_transfer(a, 0x400000, b, 0x10000, 14, RWX, true), MDB_OK);
	expect(b, 0x10000, 0x800000, R | W);
	expect(b, 0x13000, 0x803000, R | W);
	expect(a, 0x400000, 0, 0);
	expect(a, 0x404000, 0x804000, R | W);
	assert_ptr_equal(mdb_lookup(b, 0x10000)->parent, mdb_lookup(sigma0, 0x800000));
	assert_int_equal(check(), 11);

	/* One unmap over a run of pages reaches each of them. */
	assert_int_equal(mdb_transfer(sigma0, 0x800000, e, 0x800000, 15, RWX, false), MDB_OK);
	assert_int_equal(fake_space_count(&e->pt), 6);
	mdb_unmap(e, fpage_make(0x800000, 15, W), true);
	for (vaddr_t va = 0x800000; va < 0x808000; va += PAGE_SIZE)
		if (mdb_lookup(e, va))
			expect(e, va, va, R | X);
	assert_int_equal(fake_space_count(&e->pt), 6);
	mdb_unmap(e, fpage_make(0x800000, 15, RWX), true);
	assert_int_equal(fake_space_count(&e->pt), 0);

	/* Below a page, or overlapping itself: nothing moves. */
	assert_int_equal(mdb_transfer(sigma0, 0x800000, c, 0, 11, RWX, false), MDB_OK);
	assert_int_equal(mdb_transfer(sigma0, 0x800000, sigma0, 0x804000, 15, RWX, false), MDB_INVALID);
	/* Into the top of user space: the part beyond is dropped. */
	assert_int_equal(mdb_transfer(sigma0, 0x800000, c, PORT_USER_END - 0x2000, 15, RWX, false), MDB_OK);
	expect(c, PORT_USER_END - 0x2000, 0x800000, RWX);
	expect(c, PORT_USER_END - 0x1000, 0x801000, RWX);
	assert_int_equal(fake_space_count(&c->pt), 2);
	/* The complete space, 1:1: every page sigma0 has. */
	assert_int_equal(mdb_transfer(sigma0, 0, d, 0, 64, R, false), MDB_OK);
	assert_int_equal(fake_space_count(&d->pt), 6);
	expect(d, 0x807000, 0x807000, R);
	assert_int_equal(check(), 19);
}

static void out_of_memory_changes_nothing(void **state)
{
	(void)state;
	mdb_node_t *root = chain3();
	struct snapshot s0;

	/* No kernel memory: a page that needs new index tables fails. */
	hog(0);
	s0 = snap();
	assert_int_equal(mdb_map(root, d, (vaddr_t)1 << 30, RWX), MDB_NOMEM);
	same(s0, snap());
	expect(d, (vaddr_t)1 << 30, 0, 0);
	assert_null(mdb_root(sigma0, (vaddr_t)1 << 40, F2, RWX));
	assert_int_equal(mdb_grant(mdb_lookup(c, 0x30000), e, (vaddr_t)1 << 41, RWX), MDB_NOMEM);
	same(s0, snap());
	expect(c, 0x30000, F1, RWX);
	give_back();

	/* Index tables there, but the node cache runs dry after its last page. */
	assert_int_equal(mdb_map(root, d, 0x100000, RWX), MDB_OK);
	hog(0);
	unsigned ok = 0;
	for (vaddr_t va = 0x101000; ; va += PAGE_SIZE, ok++) {
		s0 = snap();
		int err = mdb_map(root, d, va, RWX);
		if (err != MDB_OK) {
			assert_int_equal(err, MDB_NOMEM);
			same(s0, snap());
			expect(d, va, 0, 0);
			break;
		}
		expect(d, va, F1, RWX);
	}
	assert_true(ok < PAGE_SIZE / sizeof(mdb_node_t));      /* it stopped within one page */
	s0 = snap();
	assert_int_equal(mdb_grant(mdb_lookup(c, 0x30000), d, 0x400000, RWX), MDB_NOMEM); /* a grant needs no node, only a table */
	same(s0, snap());
	expect(c, 0x30000, F1, RWX);
	check();
	give_back();

	/* The page table cannot grow: map, grant, root and transfer fail whole. */
	mdb_node_t *nb = mdb_lookup(b, 0x20000);
	s0 = snap();
	fake_space_fail_maps_after(0);
	assert_int_equal(mdb_map(nb, e, 0x50000, RWX), MDB_NOMEM);
	assert_int_equal(mdb_grant(nb, e, 0x50000, RWX), MDB_NOMEM);
	assert_null(mdb_root(sigma0, F2, F2, RWX));
	assert_int_equal(mdb_transfer(b, 0x20000, e, 0x50000, 12, RWX, false), MDB_NOMEM);
	/* Over an existing mapping: the old one and its child stay. */
	assert_int_equal(mdb_map(mdb_lookup(sigma0, F1), b, 0x20000, R), MDB_NOMEM);
	assert_int_equal(mdb_grant(mdb_lookup(a, 0x10000), b, 0x20000, R), MDB_NOMEM);
	/* Adding rights to the same mapping. */
	assert_int_equal(mdb_unmap(a, page(0x10000, W), false), 0);
	s0 = snap();
	assert_int_equal(mdb_map(mdb_lookup(a, 0x10000), b, 0x20000, W), MDB_NOMEM);
	expect(b, 0x20000, F1, R | X);
	fake_space_fail_maps_after(-1);
	same(s0, snap());
	expect(b, 0x20000, F1, R | X);
	expect(c, 0x30000, F1, R | X);
	assert_ptr_equal(mdb_lookup(b, 0x20000), nb);
	assert_ptr_equal(nb->child, mdb_lookup(c, 0x30000));
	check();
	/* Memory back: it all works. */
	assert_int_equal(mdb_map(mdb_lookup(a, 0x10000), b, 0x20000, W), MDB_OK);
	expect(b, 0x20000, F1, RWX);
	assert_int_equal(mdb_map(nb, e, 0x50000, RWX), MDB_OK);
	check();
}

/* Random operations on 8 frames in 6 spaces, checking the invariants after
 * each one; the population is kept busy by mapping more than it unmaps. */
static void random_operations_keep_the_invariants(void **state)
{
	(void)state;
	enum { STEPS = 6000, BASE = 0x1000000 };
	unsigned long most = 0;
	unsigned deepest = 0;

	srand(12345);
	for (unsigned step = 0; step < STEPS; step++) {
		space_t *s = &spaces[rand() % NSPACES], *t = &spaces[rand() % NSPACES];
		vaddr_t to = BASE + (vaddr_t)(rand() % 16) * PAGE_SIZE;
		mdb_node_t *n = any_node(s);
		unsigned rights = rand() % 8, op = rand() % 100;
		if (op < 10) {
			vaddr_t f = BASE + (vaddr_t)(rand() % 8) * PAGE_SIZE;
			assert_non_null(mdb_root(sigma0, f, f, RWX));
		} else if (op < 60 && n) {
			assert_int_equal(mdb_map(n, t, to, rights | R), MDB_OK);
		} else if (op < 70 && n) {
			assert_int_equal(mdb_grant(n, t, to, rights), MDB_OK);
		} else if (op < 98 && n) {
			mdb_unmap(s, fpage_make(n->va, PAGE_SHIFT + rand() % 3, rights), rand() % 2);
		} else if (op >= 98 && s != sigma0) {
			mdb_space_destroy(s);
		}
		unsigned long nodes = check();
		most = nodes > most ? nodes : most;
		if ((n = any_node(t))) {
			unsigned depth = 0;
			for (; n; n = n->parent)
				depth++;
			deepest = depth > deepest ? depth : deepest;
		}
	}
	/* The test did build real trees. */
	assert_true(most >= 30);
	assert_true(deepest >= 5);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, before, after)
	const struct CMUnitTest tests[] = {
		T(root_maps_in_hardware),
		T(map_chain_across_spaces),
		T(unmap_revokes_a_chain_recursively),
		T(flush_also_revokes_own),
		T(partial_rights_revocation),
		T(partial_rights_mixed_tree),
		T(grant_moves_the_node_with_its_children),
		T(grant_with_fewer_rights_cuts_the_children),
		T(grant_onto_itself_or_an_ancestor_does_nothing),
		T(remap_over_an_existing_mapping),
		T(status_bits),
		T(unmap_costs_what_is_mapped),
		T(long_chains_are_walked_iteratively),
		T(transfer_moves_what_is_mapped),
		T(out_of_memory_changes_nothing),
		T(random_operations_keep_the_invariants),
	};
	return cmocka_run_group_tests(tests, arena_setup, arena_teardown);
}
