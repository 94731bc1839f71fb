/* Helpers for a port's asm-offsets.c: OFFSET(NAME, struct, field) and
 * VALUE(NAME, constant) become "#define NAME value" in the generated
 * <asm-offsets.h> that the port's .S files include. */
#ifndef PECAN_OFFSETS_H
#define PECAN_OFFSETS_H

#include <stddef.h>

#define VALUE(name, val) \
	__asm__ volatile("\n.ascii \"->" #name " %c0\"" : : "i"(val))
#define OFFSET(name, type, field) VALUE(name, offsetof(struct type, field))

#endif
