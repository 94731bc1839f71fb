/* slab.c - fixed-size object caches (see slab.h). */
#include "slab.h"
#include "kmem.h"
#include "string.h"

#define SLAB_ALIGN 16

/* The head of every slab page.  Partial pages form a doubly linked list so
 * that a page can leave it in O(1) when it fills up or empties. */
struct slab_page {
	struct slab_page *next, *prev;  /* in the cache's partial list */
	void *free;                     /* free objects, linked through their first word */
	unsigned used;                  /* objects of this page in use */
	unsigned unused_;
};

#define FIRST_OBJECT ALIGN_UP(sizeof(struct slab_page), SLAB_ALIGN)

static size_t object_size(const struct slab *c)
{
	size_t s = c->size < sizeof(void *) ? sizeof(void *) : c->size;
	return ALIGN_UP(s, SLAB_ALIGN);
}

unsigned slab_per_page(const struct slab *c)
{
	return (unsigned)((PAGE_SIZE - FIRST_OBJECT) / object_size(c));
}

static void partial_push(struct slab *c, struct slab_page *p)
{
	p->prev = NULL;
	p->next = c->partial;
	if (p->next)
		p->next->prev = p;
	c->partial = p;
}

static void partial_remove(struct slab *c, struct slab_page *p)
{
	if (p->prev)
		p->prev->next = p->next;
	else
		c->partial = p->next;
	if (p->next)
		p->next->prev = p->prev;
	p->next = p->prev = NULL;
}

/* A fresh page with all its objects on its free list, in address order. */
static struct slab_page *page_new(struct slab *c)
{
	size_t size = object_size(c);
	unsigned n = slab_per_page(c);
	struct slab_page *p;

	if (unlikely(n == 0 || size > SLAB_MAX_OBJECT))
		return NULL;
	p = kmem_alloc(PAGE_SIZE);
	if (unlikely(!p))
		return NULL;
	uint8_t *obj = (uint8_t *)p + FIRST_OBJECT;
	void **link = &p->free;
	for (unsigned i = 0; i < n; i++, obj += size) {
		*link = obj;
		link = (void **)obj;
	}
	*link = NULL;
	c->pages++;
	partial_push(c, p);
	return p;
}

void *slab_alloc(struct slab *c)
{
	struct slab_page *p = c->partial;

	if (!p && !(p = page_new(c)))
		return NULL;
	void *obj = p->free;
	p->free = *(void **)obj;
	p->used++;
	if (!p->free)
		partial_remove(c, p);   /* full: nothing more to hand out here */
	c->in_use++;
	return memset(obj, 0, object_size(c));
}

void slab_free(struct slab *c, void *obj)
{
	struct slab_page *p = (struct slab_page *)ALIGN_DOWN((uintptr_t)obj, PAGE_SIZE);

	if (!p->free)
		partial_push(c, p);     /* was full: it has room again */
	*(void **)obj = p->free;
	p->free = obj;
	p->used--;
	c->in_use--;
	if (p->used == 0) {
		partial_remove(c, p);
		kmem_free(p, PAGE_SIZE);
		c->pages--;
	}
}

unsigned long slab_in_use(const struct slab *c)
{
	return c->in_use;
}

unsigned long slab_pages(const struct slab *c)
{
	return c->pages;
}
