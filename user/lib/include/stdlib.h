/* stdlib.h - Pecan's user libc: ending the program. */
#ifndef PECAN_USER_STDLIB_H
#define PECAN_USER_STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* Power the machine off with success = (status == 0); for a thread that may
 * not (only privileged ones may), sleep forever instead.  crt0 calls exit()
 * with main()'s return value. */
_Noreturn void exit(int status);
_Noreturn void abort(void);

#endif
