/*
 * boot.c - starting the L4 system: the initial servers from the boot
 * modules (module 0 is sigma0, module 1 the root server), the KIP, and
 * the first threads.
 *
 * The servers are ELF images linked at physical addresses: their segments
 * are copied to those addresses and run there, 1:1, as sigma0's view of
 * memory is.  sigma0 resolves the root server's page faults 1:1 as well.
 */
#include "boot.h"
#include "elf.h"
#include "kip.h"
#include "kmem.h"
#include "kprintf.h"
#include "panic.h"
#include "sched.h"
#include "space.h"
#include "string.h"
#include "tcb.h"
#include <l4/abi.h>

struct server_image {
	const struct elf64_header *elf;
	struct kip_server kip;
};

static struct server_image servers[2];         /* sigma0, root server */

/* The modules the build packed into the image (tools/modules.S.in). */
struct packed_module {
	const char *start, *end;
};
extern const word_t packed_module_count;
extern const struct packed_module packed_modules[];

unsigned boot_packed_modules(struct boot_module *mods, unsigned max)
{
	unsigned n = packed_module_count < max ? packed_module_count : max;

	for (unsigned i = 0; i < n; i++)
		mods[i] = (struct boot_module){ port_virt_to_phys(packed_modules[i].start),
						port_virt_to_phys(packed_modules[i].end) };
	return n;
}

/* Check an ELF image and find where it wants to live. */
static bool probe(struct server_image *s, const struct boot_module *m)
{
	const struct elf64_header *h = port_phys_to_virt(m->start);

	if (m->end - m->start < sizeof(*h) || memcmp(h->ident, "\177ELF\2", 5) ||
	    h->phentsize != sizeof(struct elf64_phdr) ||
	    h->phoff + (uint64_t)h->phnum * sizeof(struct elf64_phdr) > m->end - m->start)
		return false;
	const struct elf64_phdr *ph = (const void *)((const char *)h + h->phoff);
	paddr_t low = ~(paddr_t)0, high = 0;
	for (unsigned i = 0; i < h->phnum; i++) {
		if (ph[i].type != ELF_PT_LOAD || ph[i].memsz == 0)
			continue;
		if (ph[i].offset + ph[i].filesz > m->end - m->start || ph[i].filesz > ph[i].memsz)
			return false;
		if (ph[i].paddr < low)
			low = ph[i].paddr;
		if (ph[i].paddr + ph[i].memsz > high)
			high = ph[i].paddr + ph[i].memsz;
	}
	if (high <= low)
		return false;
	s->elf = h;
	s->kip = (struct kip_server){ .ip = h->entry, .sp = 0,
		.low = ALIGN_DOWN(low, PAGE_SIZE), .high = ALIGN_UP(high, PAGE_SIZE) };
	return true;
}

static void load(const struct server_image *s)
{
	const struct elf64_phdr *ph = (const void *)((const char *)s->elf + s->elf->phoff);

	for (unsigned i = 0; i < s->elf->phnum; i++) {
		if (ph[i].type != ELF_PT_LOAD)
			continue;
		char *dst = port_phys_to_virt(ph[i].paddr);
		memcpy(dst, (const char *)s->elf + ph[i].offset, ph[i].filesz);
		memset(dst + ph[i].filesz, 0, ph[i].memsz - ph[i].filesz);
	}
}

unsigned boot_find_servers(struct mem_map *map)
{
	struct boot_module mods[2];
	unsigned n = port_boot_modules(mods, 2);
	static const char *const names[2] = { "sigma0", "root server" };

	for (unsigned i = 0; i < n; i++) {
		if (!probe(&servers[i], &mods[i]))
			panic("boot module %u (%s) is not an ELF64 image", i, names[i]);
		const struct kip_server *k = &servers[i].kip;
		/* The image must not land on itself, the kernel or the other image. */
		for (unsigned r = 0; r < map->count; r++) {
			const struct mem_region *reg = &map->region[r];
			if (reg->type != MEM_RAM && k->low < reg->end && reg->base < k->high)
				panic("%s wants [%llx, %llx), which overlaps %s memory",
				      names[i], (unsigned long long)k->low, (unsigned long long)k->high,
				      mem_type_name(reg->type));
		}
		kprintf("boot: %s at [%llx, %llx), entry %lx\n", names[i],
			(unsigned long long)k->low, (unsigned long long)k->high, k->ip);
	}
	for (unsigned i = 0; i < n; i++)
		mem_map_add(map, servers[i].kip.low, servers[i].kip.high, MEM_SERVER);
	return n;
}

/* An initial server's space and thread, ready to run at its entry. */
static tcb_t *start_server(unsigned no, const struct kip_server *k, word_t pager)
{
	space_t *s = space_create();
	tcb_t *t = s ? tcb_create(tid_make(no, 1), s, tid_make(ROOTTASK_NO, 1)) : NULL;
	word_t error;

	if (!t || space_set_areas(s, fpage_make(KIP_BOOT_KIP_AREA, KIP_AREA_LOG2, 0),
				  fpage_make(KIP_BOOT_UTCB_AREA, KIP_BOOT_UTCB_LOG2, 0)) ||
	    !(t->utcb = space_utcb_alloc(s, KIP_BOOT_UTCB_AREA, &error)))
		panic("no memory for the initial servers");
	t->utcb_user = KIP_BOOT_UTCB_AREA + L4_UTCB_MR0_OFFSET;
	t->utcb[L4_UTCB_MY_GLOBAL_ID] = t->id;
	t->utcb[L4_UTCB_PAGER] = pager;
	t->prio = PRIO_ROOT;
	port_frame_set_ip(port_user_frame(t), k->ip);
	port_frame_set_sp(port_user_frame(t), k->sp);
	t->started = true;
	sched_ready(t);
	return t;
}

NORETURN void boot_start_servers(unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		load(&servers[i]);
	kip_init(&boot_map, n > 0 ? &servers[0].kip : NULL, n > 1 ? &servers[1].kip : NULL);

	static tcb_t idle;      /* on the boot stack: never in user mode */
	idle.id = tid_make(IDLE_NO, 1);
	idle.prio = 0;
	sched_init();
	tcb_t *sigma0 = start_server(SIGMA0_NO, &servers[0].kip, NILTHREAD);
	sigma0_space = sigma0->space;
	if (n > 1)
		roottask_space = start_server(ROOTTASK_NO, &servers[1].kip, sigma0->id)->space;
	kprintf("boot: starting sigma0%s\n", n > 1 ? " and the root server" : "");
	sched_start(&idle);
}
