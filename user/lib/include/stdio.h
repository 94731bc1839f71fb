/*
 * stdio.h - Pecan's user libc: formatted output to the kernel console
 * (L4_KDB_PrintChar).  Conversions: d i u x X o c s p %, with flags - 0 + space #,
 * width and precision (also *), and the length modifiers hh h l ll z t j.
 */
#ifndef PECAN_USER_STDIO_H
#define PECAN_USER_STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int putchar(int c);
int puts(const char *s);

#endif
