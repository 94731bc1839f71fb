/* Basic kernel types. Word size and endianness come from the port's
 * <port_inline.h> (PORT_WORD_BITS, PORT_BIG_ENDIAN), never from #ifdefs. */
#ifndef PECAN_TYPES_H
#define PECAN_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef unsigned long word_t;   /* one machine register */
typedef uint64_t paddr_t;       /* physical address */
typedef uintptr_t vaddr_t;      /* kernel or user virtual address */

#define PAGE_SHIFT 12
#define PAGE_SIZE (1ul << PAGE_SHIFT)

#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define ALIGN_UP(x, a) ALIGN_DOWN((x) + (a) - 1, (a))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define NORETURN __attribute__((noreturn))
#define NOINLINE __attribute__((noinline))  /* keep a rare path out of a hot caller's prologue */
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))

#endif
