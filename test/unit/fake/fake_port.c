/* A fake port for host unit tests: the console is a buffer, and the MMU is a
 * table of page entries (see fake_port.h). */
#include <stdlib.h>
#include <string.h>
#include "port.h"
#include "fake_port.h"

char fake_console[4096];
static size_t fake_len;

const char port_name[] = "fake";

void fake_console_clear(void)
{
	fake_len = 0;
	fake_console[0] = '\0';
}

void port_console_putc(char c)
{
	if (fake_len + 1 < sizeof(fake_console)) {
		fake_console[fake_len++] = c;
		fake_console[fake_len] = '\0';
	}
}

/* ---- The fake MMU: entries hashed on (space, va), chained ---- */

struct fake_entry {
	const struct port_space *s;     /* NULL: a free entry */
	vaddr_t va;
	paddr_t pa;
	unsigned rights;
	unsigned status;                /* referenced 4, written 2 */
	int next;                       /* in the bucket's chain or the free list */
};

#define BUCKETS 4096

static struct fake_entry entries[FAKE_SPACE_ENTRIES];
static int buckets[BUCKETS];
static int free_head = -1;
static bool ready;
static int maps_left = -1;
unsigned long fake_space_maps, fake_space_protects;

void fake_space_reset(void)
{
	for (int i = 0; i < BUCKETS; i++)
		buckets[i] = -1;
	for (int i = 0; i < FAKE_SPACE_ENTRIES; i++)
		entries[i] = (struct fake_entry){ .next = i + 1 < FAKE_SPACE_ENTRIES ? i + 1 : -1 };
	free_head = 0;
	ready = true;
	maps_left = -1;
	fake_space_maps = fake_space_protects = 0;
}

void fake_space_fail_maps_after(int n)
{
	maps_left = n;
}

static int *bucket(const struct port_space *s, vaddr_t va)
{
	uintptr_t h = (uintptr_t)s * 31 + (va >> PAGE_SHIFT);
	return &buckets[(h ^ (h >> 12)) % BUCKETS];
}

/* The link that points at (s, va)'s entry, or at the -1 ending its chain. */
static int *find_link(const struct port_space *s, vaddr_t va)
{
	int *link;

	if (!ready)
		fake_space_reset();
	for (link = bucket(s, va); *link >= 0; link = &entries[*link].next)
		if (entries[*link].s == s && entries[*link].va == va)
			break;
	return link;
}

static struct fake_entry *find(const struct port_space *s, vaddr_t va)
{
	int *link = find_link(s, va);
	return *link >= 0 ? &entries[*link] : NULL;
}

static void remove_entry(const struct port_space *s, vaddr_t va)
{
	int *link = find_link(s, va);
	int i = *link;

	if (i < 0)
		return;
	*link = entries[i].next;
	entries[i] = (struct fake_entry){ .next = free_head };
	free_head = i;
}

unsigned fake_space_count(const struct port_space *s)
{
	unsigned n = 0;

	for (size_t i = 0; i < FAKE_SPACE_ENTRIES; i++)
		if (entries[i].s && (!s || entries[i].s == s))
			n++;
	return n;
}

bool fake_space_entry(const struct port_space *s, vaddr_t va, paddr_t *pa, unsigned *rights)
{
	struct fake_entry *e = find(s, va);

	if (!e)
		return false;
	*pa = e->pa;
	*rights = e->rights;
	return true;
}

bool fake_space_touch(struct port_space *s, vaddr_t va, unsigned access)
{
	struct fake_entry *e = find(s, ALIGN_DOWN(va, PAGE_SIZE));

	if (!e || (e->rights & access) != access)
		return false;
	e->status |= 4 | (access & 2);
	return true;
}

bool port_space_init(struct port_space *s)
{
	s->live = true;
	return true;
}

void port_space_free(struct port_space *s)
{
	for (size_t i = 0; i < FAKE_SPACE_ENTRIES; i++)
		if (entries[i].s == s)
			remove_entry(s, entries[i].va);
	s->live = false;
}

bool port_space_map(struct port_space *s, vaddr_t va, paddr_t pa, unsigned rights)
{
	struct fake_entry *e;

	/* The real ports' contract, checked: a live space, a user page, rights. */
	if (!s->live || va % PAGE_SIZE || pa % PAGE_SIZE || va >= PORT_USER_END || !rights || rights > 7)
		abort();
	fake_space_maps++;
	if (maps_left == 0)
		return false;
	if (maps_left > 0)
		maps_left--;
	e = find(s, va);
	if (!e) {
		int i = free_head, *link = bucket(s, va);
		if (i < 0)
			return false;   /* the table is full: out of "page tables" */
		free_head = entries[i].next;
		e = &entries[i];
		e->next = *link;
		*link = i;
	}
	e->s = s;
	e->va = va;
	e->pa = pa;
	e->rights = rights;
	e->status = 0;          /* a new entry: the hardware bits start clear */
	return true;
}

unsigned port_space_protect(struct port_space *s, vaddr_t va, unsigned rights)
{
	struct fake_entry *e = find(s, va);
	unsigned status;

	if (!s->live || va % PAGE_SIZE || rights > 7)
		abort();
	fake_space_protects++;
	if (!e)
		return 0;
	status = e->status;
	e->status = 0;
	e->rights = rights;
	if (!rights)
		remove_entry(s, va);
	return status;
}

bool port_space_lookup(struct port_space *s, vaddr_t va, paddr_t *pa, unsigned *rights)
{
	return fake_space_entry(s, ALIGN_DOWN(va, PAGE_SIZE), pa, rights);
}

void port_space_activate(struct port_space *s)
{
	(void)s;
}
