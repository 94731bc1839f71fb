/*
 * main.c - the kernel's boot flow, the same on every port.
 *
 * The port's entry code has set up a stack and cleared bss; from here on
 * every CPU-specific step goes through port.h.  With boot modules, the
 * kernel goes on to start sigma0 and the root server (boot.c).
 */
#include "boot.h"
#include "cmdline.h"
#include "ipc.h"
#include "kdebug.h"
#include "kmem.h"
#include "kprintf.h"
#include "memmap.h"
#include "panic.h"
#include "port.h"
#include "timer.h"

struct mem_map boot_map;

/* The kernel's share of RAM; sigma0 gets the rest.  Kernel objects (TCBs,
 * page tables, mapping nodes) all come from it. */
static size_t kmem_budget(void)
{
	size_t quarter = mem_map_ram_size(&boot_map) / 4;

	return quarter < (4ul << 20) ? (4ul << 20) : quarter > (64ul << 20) ? (64ul << 20) : quarter;
}

static void describe_machine(void)
{
	kprintf("cpu: %s\n", port_cpu_name());
	kprintf("memory: %llu MiB RAM\n",
		(unsigned long long)(mem_map_ram_size(&boot_map) >> 20));
	if (*port_cmdline())
		kprintf("command line: %s\n", port_cmdline());
}

/*
 * The boot self-test: a kernel breakpoint must trap and resume, the timer
 * must tick, and the cycle counter must advance.  A timer that never ticks
 * leaves the CPU idle forever; the boot test's timeout catches that.
 */
static void selftest(void)
{
	unsigned seen = kdebug_breakpoint_count();
	port_breakpoint();
	if (kdebug_breakpoint_count() != seen + 1)
		panic("selftest: the breakpoint did not reach the trap path");
	kprintf("selftest: breakpoint trapped and resumed\n");

	uint64_t start = timer_ticks();
	while (timer_ticks() == start)          /* start on a tick edge */
		port_idle();
	start = timer_ticks();
	uint64_t c0 = port_cycles();
	while (timer_ticks() - start < 10)
		port_idle();
	uint64_t c1 = port_cycles();
	if (c1 <= c0)
		panic("selftest: the cycle counter did not advance");
	kprintf("selftest: 10 timer ticks at %u Hz took %llu cycles\n", TIMER_HZ,
		(unsigned long long)(c1 - c0));
	kprintf("selftest: passed\n");
}

void kernel_main(void)
{
	port_console_init();
	kprintf("\nPecan %s (%s) - an L4 X.2 microkernel\n", PECAN_VERSION, port_name);
	port_cpu_init();
	port_memory_map(&boot_map);
	describe_machine();
	unsigned servers = boot_find_servers(&boot_map);
	kmem_init(&boot_map, kmem_budget());
	mem_map_print(&boot_map);
	kprintf("kmem: %zu KiB free in %u chunks\n", kmem_free_bytes() >> 10, kmem_chunks());

	port_trap_init();
	kprintf("trap: vectors installed\n");
	port_timer_init(TIMER_HZ);
	port_irq_enable();
	kprintf("timer: %u Hz\n", TIMER_HZ);

	kdebug_panic_on_breakpoint(cmdline_has(port_cmdline(), "pecan.panic"));
	if (cmdline_has(port_cmdline(), "pecan.nofastpath"))
		ipc_fastpath_on = false;
	selftest();
	if (!servers)
		kernel_halt(true);      /* a bare kernel: the boot test ends here */
	boot_start_servers(servers);
}
