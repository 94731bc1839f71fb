/*
 * mdb.h - the mapping database.
 *
 * Every mapped 4 KiB user page has one node.  The nodes of one physical
 * frame form a tree: its root is sigma0's 1:1 mapping of the frame, and each
 * map adds a child under the sender's node, so Unmap can revoke recursively
 * whatever was derived from a mapping.  Each space's `mappings` index finds
 * its node from a user address; the node says where the page sits in the
 * space's page table, which this module keeps in step through port_space_*.
 *
 * Invariants, on entry to and return from every function here:
 *   - a node has rights != 0 and its page-table entry has exactly them;
 *   - a child's rights are a subset of its parent's, and it maps the same frame;
 *   - space->mappings has a node at va iff the node's space and va are those.
 *
 * The kernel runs one system call at a time, so nothing here is locked:
 * callers must not run two mdb operations at once.  Nothing here panics or
 * sleeps; running out of kernel memory gives MDB_NOMEM.
 */
#ifndef PECAN_MDB_H
#define PECAN_MDB_H

#include "fpage.h"
#include "space.h"

typedef struct mdb_node {
	/* The mapping: which page of which space, to which frame.  Changed
	 * only by a grant, which moves the node. */
	space_t *space;
	vaddr_t va;
	paddr_t frame;

	/* Rights now in the page table, and status (R 4, W 2, X 1) seen in
	 * this subtree and not yet reported by an unmap. */
	uint8_t rights;
	uint8_t status;

	/* The frame's tree: parent is NULL for a root (sigma0's page). */
	struct mdb_node *parent;
	struct mdb_node *child;         /* first child */
	struct mdb_node *next, *prev;   /* siblings, under the same parent */
} mdb_node_t;

enum mdb_result {
	MDB_OK = 0,
	MDB_NOMEM,      /* out of kernel memory: nothing changed */
	MDB_INVALID,    /* a bad argument (unaligned, outside user space, ...) */
};

/* Entry: s is a new space.  Return: s has no mappings. */
void mdb_space_init(space_t *s);

/* The node of s's page at va (rounded down to a page), or NULL. */
mdb_node_t *mdb_lookup(const space_t *s, vaddr_t va);

/*
 * sigma0's 1:1 view of physical memory: the root node of frame at va in
 * sigma0, mapped in hardware with rights.  If sigma0 already has this root
 * there, only adds rights; any other mapping at va is removed first (with
 * its descendants).  Entry: va and frame page-aligned, va in user space,
 * rights != 0; the caller decides which frames sigma0 may have.
 * Return: the node, or NULL if out of memory (nothing changed) or invalid.
 */
mdb_node_t *mdb_root(space_t *sigma0, vaddr_t va, paddr_t frame, unsigned rights);

/*
 * Map: from's frame appears at dst_va in dst, with rights ∩ from's rights,
 * as a child of from.  If dst already maps dst_va: the same frame from the
 * same parent only gains rights; an ancestor of from (or from itself) is
 * left alone (mapping there would cut off the sender); anything else is
 * removed with its descendants first.  No rights left: nothing happens.
 * Entry: from is a live node; dst_va page-aligned.  The caller keeps the
 * KIP and UTCB areas out of reach (see mdb_transfer).
 * Return: MDB_OK; MDB_NOMEM with nothing changed; MDB_INVALID if dst_va
 * is outside user space.
 */
int mdb_map(mdb_node_t *from, space_t *dst, vaddr_t dst_va, unsigned rights);

/*
 * Grant: like map, but from itself moves to dst_va in dst (keeping its
 * place in the tree and its children) and its old page is unmapped.  Its
 * rights become rights ∩ its rights; rights it loses are revoked from its
 * descendants too.  An existing mapping at dst_va goes as for map.
 * Entry and return as for mdb_map; on MDB_OK, from now lives in dst.
 */
int mdb_grant(mdb_node_t *from, space_t *dst, vaddr_t dst_va, unsigned rights);

/*
 * A map or grant item after fpage_transfer: every page src has mapped in
 * [src_va, src_va + 2^log2) goes to the same offset from dst_va in dst,
 * by mdb_map or mdb_grant.  Pages landing in dst's KIP or UTCB area, or
 * beyond user space, are skipped; fpages below 4 KiB move nothing.
 * Entry: src_va and dst_va aligned to 2^log2.
 * Return: MDB_OK; MDB_NOMEM (the pages before the failing one have moved);
 * MDB_INVALID for a transfer within one space onto an overlapping range.
 */
int mdb_transfer(space_t *src, vaddr_t src_va, space_t *dst, vaddr_t dst_va,
		 unsigned log2, unsigned rights, bool grant);

/*
 * Unmap one page: revoke rights from every descendant of n, and from n
 * itself if flush.  A mapping left with no rights is removed, with its
 * subtree.  Rights 0 only reads the status.
 * Return: the status bits (R 4, W 2, X 1) accumulated over n and its
 * descendants since the last query, which are reset.  If n lost all its
 * rights it has been freed.
 */
unsigned mdb_unmap_node(mdb_node_t *n, unsigned rights, bool flush);

/*
 * L4 Unmap of one fpage: mdb_unmap_node with the fpage's rights on each
 * page s has mapped inside it (the complete fpage: all of user space).
 * Costs what is mapped there, not the fpage's size.
 * Return: the status bits ORed over those pages (X.2 puts them in the
 * fpage's rights field).
 */
unsigned mdb_unmap(space_t *s, fpage_t f, bool flush);

/*
 * A space dies: remove all its mappings with their descendants, and free
 * its index.  Status bits not yet reported go up to the parent mappings.
 * Return: s has no mappings and holds no index memory; its page table is
 * the caller's to free (port_space_free).
 */
void mdb_space_destroy(space_t *s);

/* Nodes in use now, in all spaces (a pool count for tests). */
unsigned long mdb_nodes(void);

#endif
