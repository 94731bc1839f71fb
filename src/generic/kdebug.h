/* kdebug.h - the kernel's own debugging hooks. */
#ifndef PECAN_KDEBUG_H
#define PECAN_KDEBUG_H

#include "types.h"

/* How many kernel breakpoints have trapped so far. */
unsigned kdebug_breakpoint_count(void);

/* When set, the next kernel breakpoint panics with the trap frame instead
 * of resuming: the boot option pecan.panic uses it to test the panic path. */
void kdebug_panic_on_breakpoint(bool on);

#endif
