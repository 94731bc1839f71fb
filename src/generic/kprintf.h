/* Kernel formatted printing: a small printf for the console and for buffers. */
#ifndef PECAN_KPRINTF_H
#define PECAN_KPRINTF_H

#include <stdarg.h>
#include "types.h"

/* Conversions: %d %i %u %x %X %p %s %c %%; flags '-' and '0'; a width (or *);
 * length modifiers l, ll and z.  Returns the number of characters produced. */
int kprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
int kvprintf(const char *fmt, va_list ap);

/* Like snprintf: writes at most size-1 characters and a NUL, returns the
 * length the whole output would have had. */
int ksnprintf(char *buf, size_t size, const char *fmt, ...) PRINTF_LIKE(3, 4);
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
