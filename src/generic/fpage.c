/* fpage.c - flexpage arithmetic (see fpage.h). */
#include "fpage.h"

bool fpage_range(fpage_t f, word_t limit, word_t *start, word_t *end)
{
	if (fpage_is_nil(f))
		return false;
	word_t base = fpage_base(f);
	word_t last = base + fpage_mask(fpage_size_log2(f));   /* never wraps */
	if (base >= limit)
		return false;
	*start = base;
	*end = last >= limit ? limit : last + 1;
	return true;
}

bool fpage_contains(fpage_t f, word_t addr)
{
	return !fpage_is_nil(f) && (addr & ~fpage_mask(fpage_size_log2(f))) == fpage_base(f);
}

bool fpage_transfer(fpage_t snd, word_t snd_base, fpage_t window,
		    word_t *src, word_t *dst, unsigned *log2)
{
	if (fpage_is_nil(snd) || fpage_is_nil(window))
		return false;
	unsigned s = fpage_size_log2(snd);
	unsigned r = fpage_size_log2(window);
	word_t sb = snd_base & ~(word_t)0x3ff;

	if (s <= r) {
		*src = fpage_base(snd);
		*dst = fpage_base(window) + ((sb & fpage_mask(r)) & ~fpage_mask(s));
		*log2 = s;
	} else {
		*src = fpage_base(snd) + ((sb & fpage_mask(s)) & ~fpage_mask(r));
		*dst = fpage_base(window);
		*log2 = r;
	}
	return true;
}
