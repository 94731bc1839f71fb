/* boot.h - from a booted kernel to a running L4 system. */
#ifndef PECAN_BOOT_H
#define PECAN_BOOT_H

#include "memmap.h"

extern struct mem_map boot_map;         /* the memory map, as main.c built it */

/* Find the initial servers among the boot modules and keep their target
 * memory out of the allocator.  Returns how many there are (0 to 2). */
unsigned boot_find_servers(struct mem_map *map);

/* The modules the build packed into the kernel image: for ports whose
 * loader passes none (port_boot_modules() may return these). */
unsigned boot_packed_modules(struct boot_module *mods, unsigned max);

/* Load them, build the KIP, start sigma0 and the root server, and run. */
NORETURN void boot_start_servers(unsigned n);

#endif
