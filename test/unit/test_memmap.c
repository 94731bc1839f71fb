/* Unit tests: the boot memory map. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "memmap.h"
#include "fake_port.h"

struct ranges {
	unsigned n;
	paddr_t base[16], end[16];
};

static void collect(paddr_t base, paddr_t end, void *arg)
{
	struct ranges *r = arg;
	assert_true(r->n < 16);
	r->base[r->n] = base;
	r->end[r->n++] = end;
}

static void sorted_on_add(void **state)
{
	struct mem_map map = { 0 };
	(void)state;
	assert_true(mem_map_add(&map, 0x200000, 0x300000, MEM_KERNEL));
	assert_true(mem_map_add(&map, 0, 0x8000000, MEM_RAM));
	assert_true(mem_map_add(&map, 0x100000, 0x180000, MEM_BOOT));
	assert_true(mem_map_add(&map, 0x500, 0x500, MEM_BOOT));    /* empty: ignored */
	assert_int_equal(map.count, 3);
	assert_true(map.region[0].base == 0 && map.region[1].base == 0x100000 &&
		    map.region[2].base == 0x200000);
	assert_true(mem_map_ram_size(&map) == 0x8000000);
}

static void full_map_refuses(void **state)
{
	struct mem_map map = { 0 };
	(void)state;
	for (unsigned i = 0; i < MEM_MAP_MAX; i++)
		assert_true(mem_map_add(&map, i * 0x1000, i * 0x1000 + 0x800, MEM_RAM));
	assert_false(mem_map_add(&map, 0x100000, 0x200000, MEM_RAM));
	assert_int_equal(map.count, MEM_MAP_MAX);
}

static void free_ranges_skip_holes(void **state)
{
	struct mem_map map = { 0 };
	struct ranges r = { 0 };
	(void)state;
	mem_map_add(&map, 0, 0x9fc00, MEM_RAM);                 /* ends mid-page */
	mem_map_add(&map, 0x100000, 0x8000000, MEM_RAM);
	mem_map_add(&map, 0x100000, 0x1a3456, MEM_KERNEL);      /* rounded out */
	mem_map_add(&map, 0x400800, 0x401000, MEM_BOOT);
	mem_map_add(&map, 0x7ff0000, 0x9000000, MEM_FIRMWARE);  /* past RAM's end */
	mem_map_free_ranges(&map, collect, &r);
	assert_int_equal(r.n, 3);
	assert_true(r.base[0] == 0 && r.end[0] == 0x9f000);
	assert_true(r.base[1] == 0x1a4000 && r.end[1] == 0x400000);
	assert_true(r.base[2] == 0x401000 && r.end[2] == 0x7ff0000);
}

static void overlapping_holes(void **state)
{
	struct mem_map map = { 0 };
	struct ranges r = { 0 };
	(void)state;
	mem_map_add(&map, 0x10000, 0x20000, MEM_RAM);
	mem_map_add(&map, 0x8000, 0x14000, MEM_BOOT);           /* starts before RAM */
	mem_map_add(&map, 0x12000, 0x18000, MEM_KERNEL);        /* inside the first hole's tail */
	mem_map_add(&map, 0x13000, 0x15000, MEM_FIRMWARE);
	mem_map_free_ranges(&map, collect, &r);
	assert_int_equal(r.n, 1);
	assert_true(r.base[0] == 0x18000 && r.end[0] == 0x20000);
}

static void print_format(void **state)
{
	struct mem_map map = { 0 };
	(void)state;
	mem_map_add(&map, 0x100000, 0x200000, MEM_KERNEL);
	fake_console_clear();
	mem_map_print(&map);
	assert_string_equal(fake_console,
		"memory map:\r\n  [0000000000100000-00000000001fffff] kernel\r\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sorted_on_add),
		cmocka_unit_test(full_map_refuses),
		cmocka_unit_test(free_ranges_skip_holes),
		cmocka_unit_test(overlapping_holes),
		cmocka_unit_test(print_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
