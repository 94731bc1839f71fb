/*
 * space.h - address spaces.
 *
 * A space owns its page table (the port's struct port_space), the index of
 * its mappings for the mapping database, and the KIP and UTCB areas set by
 * SpaceControl.  It lives as long as it has threads.
 */
#ifndef PECAN_SPACE_H
#define PECAN_SPACE_H

#include "fpage.h"
#include "port.h"
#include "vindex.h"

typedef struct space {
	/* Hardware and mappings: changed by map, grant, unmap and faults. */
	struct port_space pt;           /* the page table (port-defined) */
	struct vindex mappings;         /* user page -> its mdb node */

	/* Set by SpaceControl while the space is uninitialised. */
	fpage_t kip_area;
	fpage_t utcb_area;
	word_t redirector;              /* thread ID, or anythread for none */

	/* Book-keeping. */
	unsigned threads;               /* threads in the space; 0 frees it */
	void **utcb_pages;              /* kernel addresses of the UTCB area's pages */
} space_t;

#endif
