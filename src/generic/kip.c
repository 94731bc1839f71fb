/*
 * kip.c - building the kernel interface page (X.2 layout, 64-bit words).
 */
#include "kip.h"
#include "kmem.h"
#include "panic.h"
#include "port.h"
#include "string.h"
#include "tcb.h"
#include "timer.h"
#include <l4/abi.h>

/* Word indices into the KIP (X.2 table, §3). */
enum {
	KIP_MAGIC = 0, KIP_API_VERSION_W = 1, KIP_API_FLAGS = 2, KIP_KERNEL_DESC = 3,
	KIP_SIGMA0 = 8, KIP_SIGMA1 = 12, KIP_ROOT = 16,         /* SP, IP, low, high */
	KIP_MEMORY_INFO = 21,
	KIP_UTCB_INFO = 42, KIP_KIP_AREA_INFO = 43, KIP_BOOT_INFO = 46,
	KIP_PROC_DESC = 47, KIP_CLOCK_INFO = 48, KIP_THREAD_INFO = 49,
	KIP_PAGE_INFO = 50, KIP_PROC_INFO = 51, KIP_SYSCALLS = 52,
};

/* Byte offsets of the variable parts. */
#define KERNEL_DESC_OFFSET 0x300
#define PROC_DESC_OFFSET   0x3c0
#define MEM_DESC_OFFSET    0x400
#define MEM_DESC_MAX       ((PAGE_SIZE - MEM_DESC_OFFSET) / 16)

/* X.2 memory descriptor types. */
enum { MD_CONVENTIONAL = 1, MD_RESERVED = 2, MD_DEDICATED = 3, MD_BOOTLOADER = 0xe };

word_t *kip_page;
static const struct mem_map *boot_map;

static unsigned md_type(enum mem_type t)
{
	switch (t) {
	case MEM_RAM: return MD_CONVENTIONAL;
	case MEM_BOOT: return MD_BOOTLOADER;
	case MEM_DEVICE: return MD_DEDICATED;
	default: return MD_RESERVED;    /* kernel, kernel memory, firmware */
	}
}

/* The memory descriptors: RAM first, then what is carved out of it, so
 * that later descriptors override earlier ones as X.2 reads them. */
static unsigned fill_memory(word_t *md)
{
	unsigned n = 0;

	for (int pass = 0; pass < 2; pass++)
		for (unsigned i = 0; i < boot_map->count && n < MEM_DESC_MAX; i++) {
			const struct mem_region *r = &boot_map->region[i];
			if ((r->type == MEM_RAM) != (pass == 0) || r->type == MEM_SERVER)
				continue;       /* server images are RAM, owned by their server */
			md[2 * n] = ALIGN_DOWN(r->base, 1024) | md_type(r->type);
			md[2 * n + 1] = ALIGN_DOWN(r->end - 1, 1024);
			n++;
		}
	return n;
}

static void fill_server(word_t *w, const struct kip_server *s)
{
	if (!s)
		return;
	w[0] = s->sp;
	w[1] = s->ip;
	w[2] = s->low;
	w[3] = s->high;
}

static void fill_kernel_desc(char *d)
{
	word_t *w = (word_t *)d;

	w[0] = KIP_KERNEL_ID;
	w[1] = (25u << 9) | (11u << 5) | 25;    /* KernelGenDate: 2025-11-25 */
	w[2] = 0x00000100;                      /* KernelVer: 0.1.0 */
	memcpy(&w[3], "Pcn ", 4);               /* Supplier, space-padded */
	char *s = (char *)&w[4];
	const char *version = "Pecan " PECAN_VERSION " (";
	size_t n = strlen(version);
	memcpy(s, version, n);
	memcpy(s + n, port_name, strlen(port_name));
	n += strlen(port_name);
	s[n++] = ')';
	s[n++] = '\0';
	s[n] = '\0';            /* no feature strings: the list ends at once */
}

void kip_init(const struct mem_map *map, const struct kip_server *sigma0,
	      const struct kip_server *roottask)
{
	kip_page = kmem_alloc(PAGE_SIZE);
	if (!kip_page)
		panic("no memory for the KIP");
	boot_map = map;
	word_t *k = kip_page;

	memcpy(k, "L4\xe6K", 4);        /* byte order, not a word: the same on every port */
	k[KIP_API_VERSION_W] = KIP_API_VERSION;
	k[KIP_API_FLAGS] = (PORT_BIG_ENDIAN ? 1 : 0) | 1 << 2;  /* endianness, 64-bit words */
	k[KIP_KERNEL_DESC] = KERNEL_DESC_OFFSET;
	fill_kernel_desc((char *)k + KERNEL_DESC_OFFSET);
	fill_server(&k[KIP_SIGMA0], sigma0);
	fill_server(&k[KIP_ROOT], roottask);
	unsigned n = fill_memory((word_t *)((char *)k + MEM_DESC_OFFSET));
	k[KIP_MEMORY_INFO] = (word_t)MEM_DESC_OFFSET << 32 | n;
	k[KIP_UTCB_INFO] = (word_t)KIP_UTCB_AREA_MIN_LOG2 << 16 | L4_UTCB_SIZE_LOG2 << 10 | 1;
	k[KIP_KIP_AREA_INFO] = KIP_AREA_LOG2;
	k[KIP_PROC_DESC] = PROC_DESC_OFFSET;
	/* Clock precision as time periods (m = 1000 µs, e = 0): the tick. */
	word_t tick_us = 1000000 / TIMER_HZ;
	k[KIP_CLOCK_INFO] = tick_us << 16 | tick_us;
	k[KIP_THREAD_INFO] = (word_t)USER_BASE << 20 | (word_t)SYSTEM_BASE << 8 | THREAD_BITS;
	k[KIP_PAGE_INFO] = PORT_PAGE_RIGHTS | 1ul << PAGE_SHIFT;
	k[KIP_PROC_INFO] = 5ul << 60 | 0;       /* one CPU; descriptors of 2^5 bytes */
	for (unsigned i = 0; i <= 10; i++)      /* links: SpaceControl ... Schedule */
		k[KIP_SYSCALLS + i] = (word_t[]){
			L4_SYS_SPACE_CONTROL, L4_SYS_THREAD_CONTROL, L4_SYS_PROCESSOR_CONTROL,
			L4_SYS_MEMORY_CONTROL, L4_SYS_IPC, L4_SYS_LIPC, L4_SYS_UNMAP,
			L4_SYS_EXCHANGE_REGISTERS, L4_SYS_SYSTEM_CLOCK, L4_SYS_THREAD_SWITCH,
			L4_SYS_SCHEDULE }[i];
}

bool kip_sigma0_may_own(paddr_t pa)
{
	bool memory = false;

	for (unsigned i = 0; i < boot_map->count; i++) {
		const struct mem_region *r = &boot_map->region[i];
		if (pa < r->base || pa >= r->end)
			continue;
		if (r->type == MEM_RAM || r->type == MEM_DEVICE)
			memory = true;
		else if (r->type != MEM_BOOT && r->type != MEM_SERVER)
			return false;   /* the kernel's, or the firmware's */
	}
	return memory;
}
