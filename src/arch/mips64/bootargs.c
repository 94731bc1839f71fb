/*
 * bootargs.c - what malta's firmware passes to the kernel, and the memory
 * map built from it.
 *
 * QEMU's malta loader imitates the YAMON firmware: a0 = argc, a1 = argv,
 * a2 = envp, a3 = memsize.  YAMON is 32-bit, so argv and envp are arrays
 * of 32-bit pointers (into KSEG0) even for a 64-bit kernel; envp holds
 * name, value pairs such as "memsize" "134217728", ending with a null name.
 * QEMU passes argv[0] = the kernel's file name and argv[1] = the -append
 * string, all in one block at physical 0x2000.
 */
#include "boot.h"
#include "cp0.h"
#include "malta.h"
#include "memmap.h"
#include "panic.h"
#include "port.h"
#include "string.h"

#define ARGS_MAX 16
#define ENV_MAX 64

extern char __kernel_start[], __kernel_end[];

static char cmdline[512];
static unsigned long memsize, ememsize;         /* bytes */
static paddr_t block_base, block_end;           /* the firmware's argument block */

/* A 32-bit firmware pointer as a kernel pointer; NULL unless in KSEG0/1. */
static const void *fw_ptr(long p32)
{
	uintptr_t p = (uintptr_t)(intptr_t)(int32_t)p32;
	return p >= KSEG0_BASE && p < KSEG2_BASE ? (const void *)p : NULL;
}

/* Grow the argument block's extent to cover [p, p+len). */
static void block_cover(const void *p, size_t len)
{
	paddr_t base = port_virt_to_phys(p);

	if (block_end == 0 || base < block_base)
		block_base = base;
	if (base + len > block_end)
		block_end = base + len;
}

static const char *fw_string(long p32)
{
	const char *s = fw_ptr(p32);

	if (s)
		block_cover(s, strlen(s) + 1);
	return s;
}

/* A decimal or 0x-prefixed hexadecimal number; 0 if there is none. */
static unsigned long parse_size(const char *s)
{
	unsigned long v = 0;
	unsigned base = 10;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (;; s++) {
		unsigned d;
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return v;
		v = v * base + d;
	}
}

static void cmdline_append(const char *word)
{
	size_t len = strlen(cmdline), n = strlen(word);

	if (len && len + 1 < sizeof(cmdline))
		cmdline[len++] = ' ';
	if (len + n >= sizeof(cmdline))
		n = sizeof(cmdline) - 1 - len;
	memcpy(cmdline + len, word, n);
	cmdline[len + n] = '\0';
}

/* Runs first of all, from entry.S: no console yet, so it only records. */
void malta_boot_args(long argc, long argv_reg, long envp_reg, unsigned long memsize_reg)
{
	const int32_t *argv = fw_ptr(argv_reg);
	const int32_t *envp = fw_ptr(envp_reg);

	memsize = memsize_reg;
	if (argv && argc > 0) {
		block_cover(argv, argc * sizeof(*argv));
		for (long i = 0; i < argc && i < ARGS_MAX; i++) {
			const char *arg = fw_string(argv[i]);
			if (arg && i > 0 && *arg)       /* argv[0] is the kernel */
				cmdline_append(arg);
		}
	}
	for (unsigned i = 0; envp && i + 1 < ENV_MAX; i += 2) {
		block_cover(&envp[i], sizeof(*envp));
		const char *name = fw_string(envp[i]);
		if (!name)              /* the end of the list */
			break;
		block_cover(&envp[i + 1], sizeof(*envp));
		const char *value = fw_string(envp[i + 1]);
		if (!value)
			break;
		if (strcmp(name, "memsize") == 0)
			memsize = parse_size(value);
		else if (strcmp(name, "ememsize") == 0)
			ememsize = parse_size(value);
	}
}

/* The malta loader passes no modules: the build packs them into the image. */
unsigned port_boot_modules(struct boot_module *mods, unsigned max)
{
	return boot_packed_modules(mods, max);
}

const char *port_cmdline(void)
{
	return cmdline;
}

void port_memory_map(struct mem_map *map)
{
	if (memsize == 0)
		panic("malta: the firmware passed no memsize");
	if (memsize > MALTA_LOW_RAM_MAX)
		memsize = MALTA_LOW_RAM_MAX;
	mem_map_add(map, 0, memsize, MEM_RAM);
	/* The high alias starts with the same memsize bytes as the low RAM. */
	if (ememsize > memsize)
		mem_map_add(map, MALTA_HIGH_RAM + memsize, MALTA_HIGH_RAM + ememsize, MEM_RAM);
	mem_map_add(map, port_virt_to_phys(__kernel_start),
		    port_virt_to_phys(__kernel_end), MEM_KERNEL);
	mem_map_add(map, block_base, block_end, MEM_BOOT);
	/* The ISA I/O ports 0-0xfff, which sigma0 may give to a driver. */
	mem_map_add(map, MALTA_ISA_IO_PHYS, MALTA_ISA_IO_PHYS + PAGE_SIZE, MEM_DEVICE);
}
