/*
 * memmap.h - the physical memory map, as the port found it at boot.
 *
 * The port adds RAM ranges from the boot loader or firmware, and the ranges
 * that must survive boot (the kernel image, boot modules, firmware tables).
 * The kernel allocator gets RAM minus everything else; the KIP's memory
 * descriptors will be built from the same map.
 */
#ifndef PECAN_MEMMAP_H
#define PECAN_MEMMAP_H

#include "types.h"

enum mem_type {
	MEM_RAM,        /* conventional memory */
	MEM_KERNEL,     /* the kernel image */
	MEM_BOOT,       /* boot loader data and modules: kept */
	MEM_FIRMWARE,   /* firmware tables and reserved RAM */
	MEM_DEVICE,     /* memory-mapped devices */
	MEM_KMEM,       /* RAM the kernel allocator took */
	MEM_SERVER,     /* an initial server's loaded image: conventional memory, pre-owned */
};

struct mem_region {
	paddr_t base;
	paddr_t end;            /* one past the last byte */
	enum mem_type type;
};

#define MEM_MAP_MAX 32

struct mem_map {
	unsigned count;
	struct mem_region region[MEM_MAP_MAX];
};

/* Add a region; empty ones are ignored.  Returns false when the map is full. */
bool mem_map_add(struct mem_map *map, paddr_t base, paddr_t end, enum mem_type type);

/* Bytes of RAM in the map, reserved parts included. */
paddr_t mem_map_ram_size(const struct mem_map *map);

/* Call fn for each page-aligned range of RAM that no other region overlaps,
 * in address order. */
void mem_map_free_ranges(const struct mem_map *map,
			 void (*fn)(paddr_t base, paddr_t end, void *arg), void *arg);

/* A boot module (an initial server's ELF image), as the loader left it. */
struct boot_module {
	paddr_t start, end;
};

const char *mem_type_name(enum mem_type type);
void mem_map_print(const struct mem_map *map);

#endif
