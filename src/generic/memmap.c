/* memmap.c - building and reading the boot memory map. */
#include "memmap.h"
#include "kprintf.h"

bool mem_map_add(struct mem_map *map, paddr_t base, paddr_t end, enum mem_type type)
{
	if (end <= base)
		return true;
	if (map->count == MEM_MAP_MAX)
		return false;
	/* Keep the map sorted by base: it is printed and walked in order. */
	unsigned i = map->count++;
	for (; i > 0 && map->region[i - 1].base > base; i--)
		map->region[i] = map->region[i - 1];
	map->region[i] = (struct mem_region){ base, end, type };
	return true;
}

paddr_t mem_map_ram_size(const struct mem_map *map)
{
	paddr_t total = 0;

	for (unsigned i = 0; i < map->count; i++)
		if (map->region[i].type == MEM_RAM)
			total += map->region[i].end - map->region[i].base;
	return total;
}

/* Split RAM region r around every non-RAM region, lowest first.  The map is
 * sorted by base, so one pass from left to right carves it. */
static void carve(const struct mem_map *map, const struct mem_region *r,
		  void (*fn)(paddr_t, paddr_t, void *), void *arg)
{
	paddr_t base = ALIGN_UP(r->base, PAGE_SIZE);
	paddr_t end = ALIGN_DOWN(r->end, PAGE_SIZE);

	for (unsigned i = 0; i < map->count && base < end; i++) {
		const struct mem_region *hole = &map->region[i];
		if (hole->type == MEM_RAM || hole->end <= base || hole->base >= end)
			continue;
		paddr_t hole_base = ALIGN_DOWN(hole->base, PAGE_SIZE);
		if (hole_base > base)
			fn(base, hole_base, arg);
		paddr_t hole_end = ALIGN_UP(hole->end, PAGE_SIZE);
		if (hole_end > base)
			base = hole_end;
	}
	if (base < end)
		fn(base, end, arg);
}

void mem_map_free_ranges(const struct mem_map *map,
			 void (*fn)(paddr_t base, paddr_t end, void *arg), void *arg)
{
	for (unsigned i = 0; i < map->count; i++)
		if (map->region[i].type == MEM_RAM)
			carve(map, &map->region[i], fn, arg);
}

const char *mem_type_name(enum mem_type type)
{
	static const char *const names[] = {
		[MEM_RAM] = "RAM", [MEM_KERNEL] = "kernel", [MEM_BOOT] = "boot",
		[MEM_FIRMWARE] = "firmware", [MEM_DEVICE] = "device",
		[MEM_KMEM] = "kernel memory", [MEM_SERVER] = "server image",
	};
	return type < ARRAY_SIZE(names) ? names[type] : "?";
}

void mem_map_print(const struct mem_map *map)
{
	kprintf("memory map:\n");
	for (unsigned i = 0; i < map->count; i++) {
		const struct mem_region *r = &map->region[i];
		kprintf("  [%016llx-%016llx] %s\n", (unsigned long long)r->base,
			(unsigned long long)r->end - 1, mem_type_name(r->type));
	}
}
