/* mdb.c - the mapping database (see mdb.h). */
#include "mdb.h"
#include "slab.h"
#include "vindex.h"

static struct slab nodes = SLAB_INIT("mdb", sizeof(mdb_node_t));

/* First address past user space that the database can index. */
static uint64_t user_limit(void)
{
	uint64_t end = (uint64_t)PORT_USER_END;
	return end < VINDEX_END ? end : VINDEX_END;
}

static bool user_page(vaddr_t va)
{
	return va % PAGE_SIZE == 0 && (uint64_t)va < user_limit();
}

/* ---- Tree links ---- */

static void link_child(mdb_node_t *parent, mdb_node_t *n)
{
	n->parent = parent;
	n->prev = NULL;
	n->next = NULL;
	if (!parent)
		return;
	n->next = parent->child;
	if (n->next)
		n->next->prev = n;
	parent->child = n;
}

static void unlink_node(mdb_node_t *n)
{
	if (n->prev)
		n->prev->next = n->next;
	else if (n->parent)
		n->parent->child = n->next;
	if (n->next)
		n->next->prev = n->prev;
	n->parent = n->next = n->prev = NULL;
}

/* True if a is n or one of n's ancestors.  Walks up: only used when a maps
 * the same frame as n, which is rare. */
static bool ancestor_or_self(const mdb_node_t *a, const mdb_node_t *n)
{
	for (; n; n = n->parent)
		if (n == a)
			return true;
	return false;
}

/* The node after d's subtree in a pre-order walk of top's subtree. */
static mdb_node_t *after_subtree(mdb_node_t *d, const mdb_node_t *top)
{
	for (; d != top; d = d->parent)
		if (d->next)
			return d->next;
	return NULL;
}

/* ---- Hardware and freeing ---- */

/* Cut n's page-table entry to rights (0 removes it); returns its status. */
static unsigned hw_protect(const mdb_node_t *n, unsigned rights)
{
	return port_space_protect(&n->space->pt, n->va, rights) & L4_RIGHTS_ALL;
}

/* Free a node without children whose page-table entry is already gone. */
static void node_free(mdb_node_t *n, bool clear_index)
{
	unlink_node(n);
	if (clear_index)
		vindex_clear(&n->space->mappings, n->va);
	slab_free(&nodes, n);
}

/*
 * Remove every descendant of top (not top): entries, index slots, nodes.
 * Post-order without a stack: go down to a leaf, free it, carry on from
 * its parent.  Returns the status the removed mappings had.
 */
static unsigned remove_below(mdb_node_t *top)
{
	unsigned status = 0;
	mdb_node_t *n = top->child;

	while (n) {
		if (n->child) {
			n = n->child;
			continue;
		}
		mdb_node_t *up = n->parent;
		status |= n->status | hw_protect(n, 0);
		node_free(n, true);
		n = up == top ? top->child : up;
	}
	return status;
}

/*
 * Revoke rights from every descendant of top, in pre-order.  A descendant
 * left without rights goes with its whole subtree: the children's rights
 * are a subset of its own, so they would lose all theirs too.  Returns the
 * status of the subtree and clears it.
 */
static unsigned revoke_below(mdb_node_t *top, unsigned rights)
{
	unsigned status = 0;
	mdb_node_t *d = top->child;

	while (d) {
		unsigned keep = d->rights & ~rights;
		status |= d->status | hw_protect(d, keep);
		d->status = 0;
		if (keep) {
			d->rights = (uint8_t)keep;
			d = d->child ? d->child : after_subtree(d, top);
		} else {
			mdb_node_t *next = after_subtree(d, top);
			status |= remove_below(d);
			node_free(d, true);
			d = next;
		}
	}
	return status;
}

/*
 * The mapping old at its page is being replaced by a new entry that
 * already overwrote old's in the page table: drop old's subtree and old,
 * keeping old's index slot (the caller puts the new node there).  Status
 * nobody has read yet goes to old's parent.
 */
static void replace_old(mdb_node_t *old)
{
	unsigned status = remove_below(old) | old->status;

	if (old->parent)
		old->parent->status |= (uint8_t)status;
	node_free(old, false);
}

/* ---- The operations ---- */

void mdb_space_init(space_t *s)
{
	vindex_init(&s->mappings);
}

mdb_node_t *mdb_lookup(const space_t *s, vaddr_t va)
{
	return vindex_get(&s->mappings, ALIGN_DOWN(va, PAGE_SIZE));
}

/*
 * Put a node for frame at (dst, va) under parent (NULL: a root), with
 * rights != 0, following the map rules of mdb_map.  Every step that can
 * fail comes before the first change, so failure leaves all as it was.
 */
static int install(mdb_node_t *parent, paddr_t frame, space_t *dst, vaddr_t va, unsigned rights)
{
	mdb_node_t *old = vindex_get(&dst->mappings, va);
	mdb_node_t *n;

	if (old && old->frame == frame && old->parent == parent) {
		/* The same mapping again: only add rights. */
		unsigned want = old->rights | rights;
		if (want == old->rights)
			return MDB_OK;
		old->status |= (uint8_t)hw_protect(old, old->rights);  /* rewriting loses the status */
		if (!port_space_map(&dst->pt, va, frame, want))
			return MDB_NOMEM;
		old->rights = (uint8_t)want;
		return MDB_OK;
	}
	if (old && old->frame == frame && ancestor_or_self(old, parent))
		return MDB_OK;

	n = slab_alloc(&nodes);
	if (unlikely(!n))
		return MDB_NOMEM;
	if (!old && unlikely(!vindex_set(&dst->mappings, va, n))) {
		slab_free(&nodes, n);
		return MDB_NOMEM;
	}
	if (old)
		old->status |= (uint8_t)hw_protect(old, old->rights);
	if (unlikely(!port_space_map(&dst->pt, va, frame, rights))) {
		if (!old)
			vindex_clear(&dst->mappings, va);
		slab_free(&nodes, n);
		return MDB_NOMEM;
	}

	/* Committed: nothing below can fail. */
	if (old) {
		replace_old(old);
		vindex_set(&dst->mappings, va, n);      /* the slot exists */
	}
	n->space = dst;
	n->va = va;
	n->frame = frame;
	n->rights = (uint8_t)rights;
	link_child(parent, n);
	return MDB_OK;
}

mdb_node_t *mdb_root(space_t *sigma0, vaddr_t va, paddr_t frame, unsigned rights)
{
	rights &= L4_RIGHTS_ALL;
	if (unlikely(!user_page(va) || frame % PAGE_SIZE || !rights))
		return NULL;
	if (install(NULL, frame, sigma0, va, rights) != MDB_OK)
		return NULL;
	return vindex_get(&sigma0->mappings, va);
}

int mdb_map(mdb_node_t *from, space_t *dst, vaddr_t dst_va, unsigned rights)
{
	if (unlikely(!user_page(dst_va)))
		return MDB_INVALID;
	rights &= from->rights;
	if (!rights)
		return MDB_OK;
	return install(from, from->frame, dst, dst_va, rights);
}

int mdb_grant(mdb_node_t *from, space_t *dst, vaddr_t dst_va, unsigned rights)
{
	mdb_node_t *old;

	if (unlikely(!user_page(dst_va)))
		return MDB_INVALID;
	rights &= from->rights;
	if (!rights)
		return MDB_OK;
	old = vindex_get(&dst->mappings, dst_va);
	if (old && old->frame == from->frame && ancestor_or_self(old, from))
		return MDB_OK;          /* onto itself, or onto what it derives from */

	/* The steps that can fail, as in install(). */
	if (!old && unlikely(!vindex_set(&dst->mappings, dst_va, from)))
		return MDB_NOMEM;
	if (old)
		old->status |= (uint8_t)hw_protect(old, old->rights);
	if (unlikely(!port_space_map(&dst->pt, dst_va, from->frame, rights))) {
		if (!old)
			vindex_clear(&dst->mappings, dst_va);
		return MDB_NOMEM;
	}

	/* Committed.  old cannot be from's ancestor, so from survives this. */
	if (old) {
		replace_old(old);
		vindex_set(&dst->mappings, dst_va, from);
	}
	from->status |= (uint8_t)hw_protect(from, 0);   /* the sender loses the page */
	vindex_clear(&from->space->mappings, from->va);
	unsigned lost = from->rights & ~rights;
	from->space = dst;
	from->va = dst_va;
	from->rights = (uint8_t)rights;
	if (lost)
		from->status |= (uint8_t)revoke_below(from, lost);
	return MDB_OK;
}

/* Does the page at va fall in s's KIP or UTCB area? */
static bool kernel_area(const space_t *s, vaddr_t va)
{
	return fpage_contains(s->kip_area, va) || fpage_contains(s->utcb_area, va);
}

int mdb_transfer(space_t *src, vaddr_t src_va, space_t *dst, vaddr_t dst_va,
		 unsigned log2, unsigned rights, bool grant)
{
	uint64_t limit = user_limit();
	uint64_t size, src_end;
	vaddr_t a = src_va;
	mdb_node_t *n;

	if (log2 < PAGE_SHIFT || (uint64_t)src_va >= limit)
		return MDB_OK;
	size = log2 >= 64 ? limit : (uint64_t)1 << log2;
	src_end = size > limit - src_va ? limit : src_va + size;
	/* Walking src while adding to an overlapping part of it would find the
	 * new mappings again and move them twice. */
	if (src == dst && src_va != dst_va &&
	    (uint64_t)dst_va < src_end && (uint64_t)src_va < dst_va + size)
		return MDB_INVALID;

	while ((n = vindex_next(&src->mappings, &a, (vaddr_t)src_end))) {
		uint64_t d = (uint64_t)dst_va + (a - src_va);
		if (d >= limit)
			break;          /* and so is every page after it */
		if (!kernel_area(dst, (vaddr_t)d)) {
			int err = grant ? mdb_grant(n, dst, (vaddr_t)d, rights)
					: mdb_map(n, dst, (vaddr_t)d, rights);
			if (err)
				return err;
		}
		a += PAGE_SIZE;
	}
	return MDB_OK;
}

unsigned mdb_unmap_node(mdb_node_t *n, unsigned rights, bool flush)
{
	unsigned status, keep;

	rights &= L4_RIGHTS_ALL;
	status = revoke_below(n, rights);
	keep = flush ? n->rights & ~rights : n->rights;
	status |= n->status | hw_protect(n, keep);
	n->status = 0;
	if (keep) {
		n->rights = (uint8_t)keep;
	} else {
		status |= remove_below(n);      /* empty already: children had no more rights */
		node_free(n, true);
	}
	return status;
}

unsigned mdb_unmap(space_t *s, fpage_t f, bool flush)
{
	word_t start, end;
	unsigned status = 0;
	mdb_node_t *n;

	if (!fpage_range(f, (word_t)user_limit(), &start, &end))
		return 0;
	/* Look each page up afresh: revoking may remove later nodes of s. */
	for (vaddr_t va = start; (n = vindex_next(&s->mappings, &va, end)); va += PAGE_SIZE)
		status |= mdb_unmap_node(n, fpage_rights(f), flush);
	return status;
}

void mdb_space_destroy(space_t *s)
{
	mdb_node_t *n;

	for (vaddr_t va = 0; (n = vindex_next(&s->mappings, &va, (vaddr_t)user_limit())); va += PAGE_SIZE) {
		unsigned status = remove_below(n) | n->status | hw_protect(n, 0);
		if (n->parent)
			n->parent->status |= (uint8_t)status;
		node_free(n, true);
	}
	vindex_free(&s->mappings);
}

unsigned long mdb_nodes(void)
{
	return slab_in_use(&nodes);
}
