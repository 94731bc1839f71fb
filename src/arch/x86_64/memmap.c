/*
 * memmap.c - the physical memory map and command line from multiboot.
 *
 * GRUB and QEMU pass a multiboot (v1) information block; its addresses are
 * physical and 32 bits wide.  We reach it through the direct map.
 */
#include "kprintf.h"
#include "memmap.h"
#include "panic.h"
#include "port.h"
#include "string.h"
#include "x86.h"

#define MB_LOADER_MAGIC 0x2badb002
#define MB_INFO_MEMORY  (1 << 0)
#define MB_INFO_CMDLINE (1 << 2)
#define MB_INFO_MODULES (1 << 3)
#define MB_INFO_MMAP    (1 << 6)
#define MB_MMAP_RAM 1

struct mb_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;          /* KiB below 1 MiB, above 1 MiB */
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
};

struct mb_mmap_entry {
	uint32_t size;                          /* of the rest of the entry */
	uint64_t base, length;
	uint32_t type;
} __attribute__((packed));

struct mb_module {
	uint32_t start, end, string, reserved;
};

extern uint32_t boot_magic, boot_info;          /* saved by boot.S */
extern char _kernel_phys_start[], _bss_end_phys[];

static char cmdline[256];
static struct boot_module modules[4];
static unsigned module_count;

unsigned port_boot_modules(struct boot_module *mods, unsigned max)
{
	unsigned n = module_count < max ? module_count : max;

	for (unsigned i = 0; i < n; i++)
		mods[i] = modules[i];
	return n;
}

const char *port_cmdline(void)
{
	return cmdline;
}

/* RAM beyond the boot direct map is left out until the kernel maps more. */
static void add_ram(struct mem_map *map, uint64_t base, uint64_t end)
{
	if (end > DIRECT_MAP_SIZE)
		end = DIRECT_MAP_SIZE;
	mem_map_add(map, base, end, MEM_RAM);
}

void port_memory_map(struct mem_map *map)
{
	if (boot_magic != MB_LOADER_MAGIC)
		panic("not booted by a multiboot loader (magic %x)", boot_magic);
	const struct mb_info *mbi = port_phys_to_virt(boot_info);

	if (mbi->flags & MB_INFO_MMAP) {
		uint8_t *p = port_phys_to_virt(mbi->mmap_addr);
		uint8_t *end = p + mbi->mmap_length;
		for (; p < end; p += ((struct mb_mmap_entry *)p)->size + 4) {
			const struct mb_mmap_entry *e = (const void *)p;
			if (e->type == MB_MMAP_RAM)
				add_ram(map, e->base, e->base + e->length);
			else
				mem_map_add(map, e->base, e->base + e->length, MEM_FIRMWARE);
		}
	} else if (mbi->flags & MB_INFO_MEMORY) {
		add_ram(map, 0, (uint64_t)mbi->mem_lower << 10);
		add_ram(map, 1 << 20, (1 << 20) + ((uint64_t)mbi->mem_upper << 10));
	} else {
		panic("the boot loader gave no memory map");
	}

	mem_map_add(map, (uintptr_t)_kernel_phys_start, (uintptr_t)_bss_end_phys, MEM_KERNEL);
	mem_map_add(map, boot_info, boot_info + sizeof(*mbi), MEM_BOOT);
	if (mbi->flags & MB_INFO_MODULES) {
		const struct mb_module *mod = port_phys_to_virt(mbi->mods_addr);
		mem_map_add(map, mbi->mods_addr, mbi->mods_addr + mbi->mods_count * sizeof(*mod),
			    MEM_BOOT);
		for (uint32_t i = 0; i < mbi->mods_count; i++) {
			mem_map_add(map, mod[i].start, mod[i].end, MEM_BOOT);
			if (module_count < ARRAY_SIZE(modules))
				modules[module_count++] = (struct boot_module){ mod[i].start, mod[i].end };
		}
	}
	if (mbi->flags & MB_INFO_CMDLINE) {
		const char *s = port_phys_to_virt(mbi->cmdline);
		size_t n = strlen(s);
		if (n >= sizeof(cmdline))
			n = sizeof(cmdline) - 1;
		memcpy(cmdline, s, n);
	}
}
