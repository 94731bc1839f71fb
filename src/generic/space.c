/*
 * space.c - address spaces: creation, SpaceControl's areas, UTCB pages,
 * and sigma0's 1:1 view of physical memory.
 */
#include "kip.h"
#include "kmem.h"
#include "mdb.h"
#include "memmap.h"
#include "slab.h"
#include "space.h"
#include "tcb.h"
#include <l4/abi.h>

space_t *sigma0_space, *roottask_space;

static struct slab space_slab = SLAB_INIT("space", sizeof(space_t));

space_t *space_create(void)
{
	space_t *s = slab_alloc(&space_slab);

	if (!s)
		return NULL;
	if (!port_space_init(&s->pt)) {
		slab_free(&space_slab, s);
		return NULL;
	}
	mdb_space_init(s);
	s->redirector = ANYTHREAD;
	return s;
}

static size_t utcb_page_count(const space_t *s)
{
	return (size_t)1 << (fpage_log2(s->utcb_area) - PAGE_SHIFT);
}

void space_destroy(space_t *s)
{
	mdb_space_destroy(s);
	if (s->utcb_pages) {
		for (size_t i = 0; i < utcb_page_count(s); i++)
			if (s->utcb_pages[i].page)
				kmem_free(s->utcb_pages[i].page, PAGE_SIZE);
		kmem_free(s->utcb_pages, utcb_page_count(s) * sizeof(struct utcb_page));
	}
	port_space_free(&s->pt);
	if (s == sigma0_space)
		sigma0_space = NULL;
	if (s == roottask_space)
		roottask_space = NULL;
	slab_free(&space_slab, s);
}

bool space_initialized(const space_t *s)
{
	return !fpage_is_nil(s->kip_area);
}

bool space_privileged(const space_t *s)
{
	return s && (s == roottask_space || s == sigma0_space);
}

static bool in_fpage(fpage_t f, vaddr_t va)
{
	return !fpage_is_nil(f) && va - fpage_base(f) < ((word_t)1 << fpage_log2(f));
}

bool space_is_kernel_area(const space_t *s, vaddr_t va)
{
	return in_fpage(s->kip_area, va) || in_fpage(s->utcb_area, va);
}

/* An area must be a real fpage inside user space. */
static bool area_ok(fpage_t f, unsigned min_log2, unsigned max_log2)
{
	unsigned s = fpage_log2(f);

	return s >= min_log2 && s <= max_log2 &&
	       fpage_base(f) + ((word_t)1 << s) <= PORT_USER_END && fpage_base(f) + ((word_t)1 << s) > fpage_base(f);
}

word_t space_set_areas(space_t *s, fpage_t kip_area, fpage_t utcb_area)
{
	if (!area_ok(utcb_area, KIP_UTCB_AREA_MIN_LOG2, UTCB_AREA_MAX_LOG2))
		return 6;
	if (!area_ok(kip_area, KIP_AREA_LOG2, KIP_AREA_LOG2) ||
	    in_fpage(utcb_area, fpage_base(kip_area)) || in_fpage(kip_area, fpage_base(utcb_area)))
		return 7;
	size_t n = (size_t)1 << (fpage_log2(utcb_area) - PAGE_SHIFT);
	struct utcb_page *pages = kmem_alloc(n * sizeof(*pages));
	if (!pages)
		return 8;
	if (!port_space_map(&s->pt, fpage_base(kip_area), port_virt_to_phys(kip_page), L4_RIGHT_R)) {
		kmem_free(pages, n * sizeof(*pages));
		return 8;
	}
	s->kip_area = kip_area;
	s->utcb_area = utcb_area;
	s->utcb_pages = pages;
	return 0;
}

word_t *space_utcb_alloc(space_t *s, word_t location, word_t *error)
{
	*error = 6;
	if (!space_initialized(s) || !in_fpage(s->utcb_area, location) ||
	    (location & ((1ul << L4_UTCB_SIZE_LOG2) - 1)))
		return NULL;
	struct utcb_page *p = &s->utcb_pages[(location - fpage_base(s->utcb_area)) >> PAGE_SHIFT];
	if (!p->page) {
		*error = 8;
		p->page = kmem_alloc(PAGE_SIZE);
		if (!p->page)
			return NULL;
		if (!port_space_map(&s->pt, ALIGN_DOWN(location, PAGE_SIZE),
				    port_virt_to_phys(p->page), L4_RIGHT_R | L4_RIGHT_W)) {
			kmem_free(p->page, PAGE_SIZE);
			p->page = NULL;
			return NULL;
		}
	}
	p->users++;
	*error = 0;
	word_t *utcb = (word_t *)((char *)p->page + (location & (PAGE_SIZE - 1)) + L4_UTCB_MR0_OFFSET);
	utcb[L4_UTCB_RESERVED1] = location + L4_UTCB_MR0_OFFSET;       /* the UTCB pointer itself */
	return utcb;
}

void space_utcb_release(space_t *s, word_t utcb_user)
{
	if (!utcb_user)
		return;
	word_t location = utcb_user - L4_UTCB_MR0_OFFSET;
	struct utcb_page *p = &s->utcb_pages[(location - fpage_base(s->utcb_area)) >> PAGE_SHIFT];
	char *block = (char *)p->page + (location & (PAGE_SIZE - 1));
	for (size_t i = 0; i < (1ul << L4_UTCB_SIZE_LOG2); i++)     /* no leaks to the next owner */
		block[i] = 0;
	if (--p->users == 0) {
		port_space_protect(&s->pt, ALIGN_DOWN(location, PAGE_SIZE), 0);
		kmem_free(p->page, PAGE_SIZE);
		p->page = NULL;
	}
}

bool space_sigma0_fault(vaddr_t va)
{
	paddr_t pa = ALIGN_DOWN((paddr_t)va, PAGE_SIZE);

	if (!sigma0_space || !kip_sigma0_may_own(pa))
		return false;
	return mdb_root(sigma0_space, pa, pa, L4_RIGHTS_ALL) != NULL;
}
