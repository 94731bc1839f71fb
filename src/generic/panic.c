/* panic.c - the one way the kernel stops on an error. */
#include <stdarg.h>
#include "kprintf.h"
#include "panic.h"

static bool panicking;

void kernel_halt(bool success)
{
	kprintf("pecan: power off (%s)\n", success ? "success" : "failure");
	port_poweroff(success);
}

static NORETURN void vpanic(const struct trap_frame *f, void *caller,
			    const char *fmt, va_list ap)
{
	port_irq_disable();
	if (panicking)          /* a fault while panicking: don't loop */
		port_poweroff(false);
	panicking = true;

	kprintf("\nPANIC: ");
	kvprintf(fmt, ap);
	kprintf("\n");
	if (f)
		port_frame_dump(f);
	else
		kprintf("called from %p\n", caller);
	kprintf("port: %s, cpu: %s\n", port_name, port_cpu_name());
	kernel_halt(false);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpanic(NULL, __builtin_return_address(0), fmt, ap);
	/* cppcheck-suppress va_end_missing ; vpanic() never returns, so no va_end() */
}

void panic_frame(const struct trap_frame *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpanic(f, NULL, fmt, ap);
	/* cppcheck-suppress va_end_missing ; vpanic() never returns, so no va_end() */
}
