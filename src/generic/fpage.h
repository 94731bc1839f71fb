/*
 * fpage.h - L4 flexpages: a naturally aligned 2^s-byte region with rights.
 *
 * Word layout (X.2): rights bits 0-2 (x=1, w=2, r=4), bit 3 reserved,
 * s bits 4-9, base >> 10 in bits 10 and up.  Bit positions, not bytes, so
 * the same code is right on big- and little-endian ports.
 *
 * Sizes: s = 1 is the complete address space (its base bits are ignored);
 * any other s below 10 covers nothing (the nil fpage, L4_Nilpage, is 0);
 * s at or above the word width covers the whole space too.  The base is
 * taken 2^s-aligned, whatever the low bits say.
 */
#ifndef PECAN_FPAGE_H
#define PECAN_FPAGE_H

#include "types.h"

typedef struct { word_t raw; } fpage_t;

#define L4_RIGHT_X 1u
#define L4_RIGHT_W 2u
#define L4_RIGHT_R 4u
#define L4_RIGHTS_ALL 7u

/* Unmap returns status bits where the rights were, at the same positions. */
#define L4_STATUS_X L4_RIGHT_X  /* executed */
#define L4_STATUS_W L4_RIGHT_W  /* written */
#define L4_STATUS_R L4_RIGHT_R  /* referenced */

#define FPAGE_NIL ((fpage_t){ 0 })
#define FPAGE_COMPLETE_LOG2 1   /* s = 1 means the complete address space */
#define FPAGE_MIN_LOG2 10       /* the smallest real fpage: 1 KiB */
#define FPAGE_WORD_BITS ((unsigned)(sizeof(word_t) * 8))

static inline unsigned fpage_rights(fpage_t f) { return f.raw & 7; }
static inline unsigned fpage_log2(fpage_t f) { return (f.raw >> 4) & 0x3f; }   /* s as written */
static inline bool fpage_is_complete(fpage_t f) { return fpage_log2(f) == FPAGE_COMPLETE_LOG2; }

/* True if f covers no address: s < 10 and not the complete space. */
static inline bool fpage_is_nil(fpage_t f)
{
	return fpage_log2(f) < FPAGE_MIN_LOG2 && !fpage_is_complete(f);
}

/* The size f really covers, as a log2: the word width for the whole space.
 * Only meaningful when f is not nil. */
static inline unsigned fpage_size_log2(fpage_t f)
{
	unsigned s = fpage_log2(f);
	return fpage_is_complete(f) || s > FPAGE_WORD_BITS ? FPAGE_WORD_BITS : s;
}

/* 2^log2 - 1, for any log2 up to the word width. */
static inline word_t fpage_mask(unsigned log2)
{
	return log2 >= FPAGE_WORD_BITS ? ~(word_t)0 : ((word_t)1 << log2) - 1;
}

/* The base, aligned down to the fpage's size (0 for the whole space). */
static inline word_t fpage_base(fpage_t f)
{
	return f.raw & ~(word_t)0x3ff & ~fpage_mask(fpage_size_log2(f));
}

/* An fpage of 2^log2 bytes at base (aligned down), with rights. */
static inline fpage_t fpage_make(word_t base, unsigned log2, unsigned rights)
{
	word_t s = (word_t)(log2 & 0x3f);
	word_t b = log2 >= FPAGE_MIN_LOG2 ? base & ~fpage_mask(log2) : 0;
	return (fpage_t){ (b & ~(word_t)0x3ff) | s << 4 | (rights & 7) };
}

static inline fpage_t fpage_complete(unsigned rights)
{
	return (fpage_t){ (word_t)FPAGE_COMPLETE_LOG2 << 4 | (rights & 7) };
}

static inline fpage_t fpage_with_rights(fpage_t f, unsigned rights)
{
	return (fpage_t){ (f.raw & ~(word_t)7) | (rights & 7) };
}

/*
 * The addresses f covers below limit, as [*start, *end).  limit is the
 * first address callers may touch (the user end); it may be any value.
 * Returns false (and leaves *start, *end alone) if that range is empty.
 */
bool fpage_range(fpage_t f, word_t limit, word_t *start, word_t *end);

/* True if f covers addr (no limit applied). */
bool fpage_contains(fpage_t f, word_t addr);

/*
 * Where a map or grant item lands (X.2 §"Map").  snd is the send fpage,
 * snd_base the item's SndBase word (its low 10 bits are ignored), window
 * the receiver's acceptor fpage.  With s = log2 of snd and r = log2 of the
 * window (the word width for the complete space):
 *   s <= r: the whole send fpage goes to window base + (SndBase mod 2^r),
 *           aligned down to 2^s;
 *   s > r:  only the 2^r part of the send fpage chosen by SndBase mod 2^s
 *           goes, to the window base.
 * On return *src (sender address), *dst (receiver address) and *log2 give
 * the region moved; *log2 may be the word width (the whole space), so
 * callers clamp with their user limit.  Returns false if either fpage is nil:
 * nothing moves.  Rights are the caller's business (fpage_rights(snd)).
 */
bool fpage_transfer(fpage_t snd, word_t snd_base, fpage_t window,
		    word_t *src, word_t *dst, unsigned *log2);

#endif
