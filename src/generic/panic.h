/* panic.h - stopping the kernel when it cannot go on. */
#ifndef PECAN_PANIC_H
#define PECAN_PANIC_H

#include "port.h"

/* Print the message, where it was called from, and the port; then power
 * the machine off with the failure status.  panic_frame() (in port.h) does
 * the same for a trap and also dumps the trap frame's registers. */
NORETURN void panic(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Print the final status line, then power the machine off.  The line
 * matters on boards whose power-off cannot report a status (malta). */
NORETURN void kernel_halt(bool success);

#define assert(cond) \
	do { \
		if (unlikely(!(cond))) \
			panic("assertion failed: %s (%s:%d)", #cond, __FILE__, __LINE__); \
	} while (0)

#endif
