/* kdebug.c - kernel breakpoints, reported through the port's trap path. */
#include "kdebug.h"
#include "kprintf.h"
#include "port.h"

static unsigned breakpoints;
static bool panic_on_breakpoint;

void kdebug_breakpoint(const struct trap_frame *f)
{
	breakpoints++;
	if (panic_on_breakpoint)
		panic_frame(f, "breakpoint at %p (pecan.panic given)", (void *)port_frame_ip(f));
	kprintf("trap: breakpoint at %p\n", (void *)port_frame_ip(f));
}

unsigned kdebug_breakpoint_count(void)
{
	return breakpoints;
}

void kdebug_panic_on_breakpoint(bool on)
{
	panic_on_breakpoint = on;
}
