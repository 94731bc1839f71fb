/*
 * space.h - address spaces.
 *
 * A space owns its page table (the port's struct port_space), the index of
 * its mappings for the mapping database, and the KIP and UTCB areas set by
 * SpaceControl.  It lives as long as it has threads.  The KIP and the
 * UTCB pages are the kernel's: they are mapped into the space directly and
 * never enter the mapping database, so no map, grant or unmap reaches them.
 */
#ifndef PECAN_SPACE_H
#define PECAN_SPACE_H

#include "fpage.h"
#include "port.h"
#include "vindex.h"

struct tcb;

struct utcb_page {
	void *page;             /* kernel address, NULL until a thread needs it */
	unsigned users;         /* UTCBs in use on the page */
};

typedef struct space {
	/* Hardware and mappings: changed by map, grant, unmap and faults. */
	struct port_space pt;           /* the page table (port-defined) */
	struct vindex mappings;         /* user page -> its mdb node */

	/* Set by SpaceControl while the space is uninitialised. */
	fpage_t kip_area;
	fpage_t utcb_area;
	word_t redirector;              /* thread ID, or anythread for none */
	struct utcb_page *utcb_pages;   /* one per page of the UTCB area */

	/* Threads. */
	struct tcb *thread_list;
	unsigned threads;               /* 0 frees the space */
} space_t;

#define UTCB_AREA_MAX_LOG2 22   /* 4 MiB: 4096 UTCBs */

extern space_t *sigma0_space, *roottask_space;

space_t *space_create(void);            /* NULL when out of kernel memory */
void space_destroy(space_t *s);         /* with every mapping in it */
bool space_initialized(const space_t *s);
bool space_privileged(const space_t *s);

/* SpaceControl's areas: 0, or the X.2 error (6 UTCB area, 7 KIP area, 8 no memory). */
word_t space_set_areas(space_t *s, fpage_t kip_area, fpage_t utcb_area);

/* The UTCB block at user address `location` (2^L4_UTCB_SIZE_LOG2-aligned,
 * inside the UTCB area) for a thread: maps its page if needed.  Returns the
 * kernel address of the UTCB pointer (block + 512), or NULL: out of memory
 * or a bad location (*error says which). */
word_t *space_utcb_alloc(space_t *s, word_t location, word_t *error);
void space_utcb_release(space_t *s, word_t utcb_user);

/* Is va (or the range) in the KIP or UTCB area? */
bool space_is_kernel_area(const space_t *s, vaddr_t va);

/* sigma0 touched va: map the frame 1:1 if it is memory sigma0 may have. */
bool space_sigma0_fault(vaddr_t va);

#endif
