/*
 * boot.c - what QEMU hands over: a device tree, whose address head.S saved
 * from x0.  From it come RAM (/memory), reserved RAM (/reserved-memory and
 * /memreserve/), the command line (/chosen/bootargs) and, for power-off,
 * the PSCI conduit.  The blob stays where the loader put it; the memory
 * map keeps it (MEM_BOOT), so pointers into it stay valid.
 */
#include "boot.h"
#include "arch/boot.h"
#include "arch/mmu.h"
#include "fdt.h"
#include "kprintf.h"
#include "memmap.h"
#include "panic.h"
#include "string.h"

paddr_t arm_boot_dtb;

const void *arm_fdt(void)
{
	static const void *fdt;
	static bool tried;

	if (!tried) {
		tried = true;
		const void *blob = port_phys_to_virt(arm_boot_dtb);
		/* The header first, to learn the size; then all of it. */
		if (arm_boot_dtb && arm_mmu_map_ram(arm_boot_dtb, arm_boot_dtb + 64) > arm_boot_dtb &&
		    fdt_check(blob) &&
		    arm_mmu_map_ram(arm_boot_dtb, arm_boot_dtb + fdt_size(blob)) ==
			    arm_boot_dtb + fdt_size(blob))
			fdt = blob;
	}
	return fdt;
}

/* The virt board's loader passes no modules: the build packs them. */
unsigned port_boot_modules(struct boot_module *mods, unsigned max)
{
	return boot_packed_modules(mods, max);
}

const char *port_cmdline(void)
{
	const void *fdt = arm_fdt();
	const char *args = fdt ? fdt_prop_str(fdt, fdt_path(fdt, "/chosen"), "bootargs") : NULL;

	return args ? args : "";
}

static void add(struct mem_map *map, paddr_t base, paddr_t end, enum mem_type type)
{
	if (!mem_map_add(map, base, end, type))
		kprintf("memory: map full, region %llx-%llx dropped\n",
			(unsigned long long)base, (unsigned long long)end);
}

/* A node's #address-cells and #size-cells (defaults 2 and 1), which say
 * how its children's reg entries are laid out. */
static void reg_cells(const void *fdt, int node, unsigned *ac, unsigned *sc)
{
	*ac = fdt_prop_u32(fdt, node, "#address-cells", 2);
	*sc = fdt_prop_u32(fdt, node, "#size-cells", 1);
	if (*ac < 1 || *ac > 2 || *sc < 1 || *sc > 2)
		panic("device tree: #address-cells %u, #size-cells %u not supported", *ac, *sc);
}

/* Add every (address, size) pair of node's reg to the map.  RAM also goes
 * into the direct map, as far as the direct map reaches. */
static void add_reg(const void *fdt, int node, unsigned ac, unsigned sc,
		    struct mem_map *map, enum mem_type type)
{
	uint32_t len, entry = 4 * (ac + sc);
	const uint8_t *reg = fdt_prop(fdt, node, "reg", &len);

	for (uint32_t off = 0; reg && off + entry <= len; off += entry) {
		paddr_t base = fdt_cells(reg + off, ac);
		paddr_t end = base + fdt_cells(reg + off + 4 * ac, sc);
		if (type == MEM_RAM) {
			paddr_t mapped = arm_mmu_map_ram(base, end);
			if (mapped < end)
				kprintf("memory: RAM above 0x%llx is beyond the direct map, unused\n",
					(unsigned long long)mapped);
			end = mapped;
		}
		add(map, base, end, type);
	}
}

void port_memory_map(struct mem_map *map)
{
	const void *fdt = arm_fdt();
	uint64_t base, size;
	unsigned ac, sc;

	if (!fdt)
		panic("no device tree (x0 was 0x%llx): boot pecan.img, not pecan.elf",
		      (unsigned long long)arm_boot_dtb);
	/* RAM: every node under the root whose device_type is "memory". */
	int root = fdt_path(fdt, "/");
	reg_cells(fdt, root, &ac, &sc);
	for (int n = fdt_first_child(fdt, root); n >= 0; n = fdt_next_sibling(fdt, n)) {
		const char *type = fdt_prop_str(fdt, n, "device_type");
		if (type && strcmp(type, "memory") == 0)
			add_reg(fdt, n, ac, sc, map, MEM_RAM);
	}
	/* Firmware's own RAM: /reserved-memory's children and /memreserve/. */
	int resv = fdt_path(fdt, "/reserved-memory");
	if (resv >= 0) {
		reg_cells(fdt, resv, &ac, &sc);
		for (int n = fdt_first_child(fdt, resv); n >= 0; n = fdt_next_sibling(fdt, n))
			add_reg(fdt, n, ac, sc, map, MEM_FIRMWARE);
	}
	for (unsigned i = 0; fdt_memreserve(fdt, i, &base, &size); i++)
		add(map, base, base + size, MEM_FIRMWARE);
	add(map, port_virt_to_phys(_start), port_virt_to_phys(_end), MEM_KERNEL);
	add(map, arm_boot_dtb, arm_boot_dtb + fdt_size(fdt), MEM_BOOT);
}
