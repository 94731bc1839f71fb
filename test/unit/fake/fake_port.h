/* What the fake port lets a test see. */
#ifndef FAKE_PORT_H
#define FAKE_PORT_H

#include "types.h"

struct port_space;

extern char fake_console[4096];         /* everything kprintf wrote, NUL-terminated */
void fake_console_clear(void);

/*
 * The fake MMU: port_space_map/protect/lookup keep one entry per mapped user
 * page in a table, with referenced/written status bits that the test sets
 * with fake_space_touch and port_space_protect reads and clears.
 */
#define FAKE_SPACE_ENTRIES 32768

/* Forget every entry and every injected failure. */
void fake_space_reset(void);

/* Entries of s (all spaces if s is NULL). */
unsigned fake_space_count(const struct port_space *s);

/* The entry of s at va: true and its frame and rights, or false. */
bool fake_space_entry(const struct port_space *s, vaddr_t va, paddr_t *pa, unsigned *rights);

/* A user access to va in s: sets referenced (4) and, for a write, written
 * (2) if the entry allows the access.  False if the access would fault. */
bool fake_space_touch(struct port_space *s, vaddr_t va, unsigned access);

/* Let the next n calls of port_space_map succeed and fail the ones after
 * (as if out of page-table memory); n < 0 means never fail. */
void fake_space_fail_maps_after(int n);

/* Calls of port_space_map and port_space_protect so far. */
extern unsigned long fake_space_maps, fake_space_protects;

#endif
