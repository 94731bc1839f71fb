/* cmdline.h - reading boot options from the kernel command line. */
#ifndef PECAN_CMDLINE_H
#define PECAN_CMDLINE_H

#include "types.h"

/* True if the space-separated command line holds the word opt. */
bool cmdline_has(const char *cmdline, const char *opt);

#endif
