/*
 * fpage.h - L4 flexpages: a naturally aligned 2^s-byte region with rights.
 *
 * Word layout (X.2): rights bits 0-2 (x=1, w=2, r=4), bit 3 reserved,
 * s bits 4-9, base >> 10 in bits 10 and up.  Bit positions, not bytes, so
 * the same code is right on big- and little-endian ports.
 */
#ifndef PECAN_FPAGE_H
#define PECAN_FPAGE_H

#include "types.h"

typedef struct { word_t raw; } fpage_t;

#define L4_RIGHT_X 1u
#define L4_RIGHT_W 2u
#define L4_RIGHT_R 4u
#define L4_RIGHTS_ALL 7u

#define FPAGE_NIL ((fpage_t){ 0 })
#define FPAGE_COMPLETE_LOG2 1   /* s = 1 means the complete address space */

static inline unsigned fpage_rights(fpage_t f) { return f.raw & 7; }
static inline unsigned fpage_log2(fpage_t f) { return (f.raw >> 4) & 0x3f; }
static inline bool fpage_is_nil(fpage_t f) { return f.raw == 0 || (fpage_log2(f) == 0 && (f.raw >> 10) == 0); }
static inline bool fpage_is_complete(fpage_t f) { return fpage_log2(f) == FPAGE_COMPLETE_LOG2 && (f.raw >> 10) == 0; }

/* The base, aligned down to the fpage's size (X.2: the base is taken
 * 2^s-aligned).  Only meaningful for 10 <= s < word bits. */
static inline word_t fpage_base(fpage_t f)
{
	unsigned s = fpage_log2(f);
	return (f.raw & ~(word_t)0x3ff) & ~(((word_t)1 << s) - 1);
}

static inline fpage_t fpage_make(word_t base, unsigned log2, unsigned rights)
{
	return (fpage_t){ (base & ~(word_t)0x3ff) | (word_t)log2 << 4 | (rights & 7) };
}

#endif
