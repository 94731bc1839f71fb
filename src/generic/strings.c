/*
 * strings.c - copying string items (see strings.h).
 */
#include "ipc.h"
#include "port.h"
#include "string.h"
#include "strings.h"
#include <l4/abi.h>

static bool is_string_item(word_t w) { return !(w & 8); }

bool strings_parse(const word_t *words, unsigned *i, unsigned end, struct pieces *p)
{
	p->n = 0;
	p->total = 0;
	for (;;) {
		if (*i >= end || !is_string_item(words[*i]))
			return false;
		word_t w = words[*i];
		unsigned subs = ((w >> 4) & 0x1f) + 1;
		word_t len = w >> 10;
		if (*i + subs >= end || p->n + subs > PIECES_MAX)
			return false;
		for (unsigned k = 0; k < subs; k++) {
			p->addr[p->n] = words[*i + 1 + k];
			p->len[p->n++] = len;
			p->total += len;
		}
		*i += 1 + subs;
		if (!(w & (1u << 9)))           /* not compound: the string ends */
			return true;
	}
}

/* Make every page of the pieces present in t's space, with `access`. */
static word_t prefault(tcb_t *t, const struct pieces *p, unsigned access, word_t t16)
{
	for (unsigned k = 0; k < p->n; k++) {
		if (p->len[k] > STRING_BYTES_MAX)
			return IPC_ERR_OVERFLOW;
		for (word_t va = ALIGN_DOWN(p->addr[k], PAGE_SIZE); va < p->addr[k] + p->len[k];
		     va += PAGE_SIZE) {
			paddr_t pa;
			unsigned rights;
			if (va >= PORT_USER_END)
				return IPC_ERR_XFER_TO_SELF;
			if (port_space_lookup(&t->space->pt, va, &pa, &rights) && (rights & access))
				continue;
			if (!page_fault_ipc(t, va, access, 0, t16 << 16 | t16))
				return IPC_ERR_XFER_TO_SELF;
			if (!port_space_lookup(&t->space->pt, va, &pa, &rights) || !(rights & access))
				return IPC_ERR_XFER_TO_SELF;
		}
	}
	return 0;
}

word_t strings_prefault_send(tcb_t *t)
{
	word_t tag = t->utcb[0];
	unsigned u = TAG_U(tag), end = u + TAG_T(tag) + 1;

	for (unsigned i = u + 1; i < end;) {
		if (!is_string_item(t->utcb[i])) {
			i += 2;                 /* a map or grant item */
			continue;
		}
		struct pieces p;
		if (!strings_parse(t->utcb, &i, end, &p))
			return IPC_ERR_OVERFLOW;
		word_t err = prefault(t, &p, L4_RIGHT_R, t->utcb[L4_UTCB_XFER_TIMEOUTS] >> 16);
		if (err)
			return err;
	}
	return 0;
}

/* The receive buffers: BR1.. as string items, each buffer's first word's
 * C bit saying another buffer follows. */
static unsigned buffers(tcb_t *t, struct pieces *bufs, unsigned max)
{
	word_t br[L4_NUM_BRS];
	unsigned n = 0, i = 1;

	for (unsigned k = 0; k < L4_NUM_BRS; k++)
		br[k] = t->utcb[L4_UTCB_BR(k)];
	while (n < max) {
		unsigned start = i;
		if (!strings_parse(br, &i, L4_NUM_BRS, &bufs[n]))
			break;
		n++;
		if (!(br[start] & 1))
			break;
	}
	return n;
}

word_t strings_prefault_receive(tcb_t *t)
{
	if (!(t->utcb[L4_UTCB_BR(0)] & 1))
		return 0;
	struct pieces bufs[4];
	unsigned n = buffers(t, bufs, 4);
	for (unsigned k = 0; k < n; k++) {
		word_t err = prefault(t, &bufs[k], L4_RIGHT_W, t->utcb[L4_UTCB_XFER_TIMEOUTS] & 0xffff);
		if (err)
			return err;
	}
	return 0;
}

/* Where va is in t's space, as the kernel reaches it; NULL if unmapped. */
static char *reach(tcb_t *t, word_t va, unsigned access)
{
	paddr_t pa;
	unsigned rights;

	if (va >= PORT_USER_END || !port_space_lookup(&t->space->pt, va, &pa, &rights) ||
	    !(rights & access))
		return NULL;
	/* Ports may give the page's address or the byte's: take the page's. */
	return (char *)port_phys_to_virt(ALIGN_DOWN(pa, PAGE_SIZE)) + (va & (PAGE_SIZE - 1));
}

word_t strings_copy(tcb_t *s, tcb_t *r, unsigned first, unsigned count, word_t *bytes,
		    bool *in_sender)
{
	struct pieces bufs[4];
	unsigned nbufs = (r->utcb[L4_UTCB_BR(0)] & 1) ? buffers(r, bufs, 4) : 0, k = 0;
	unsigned end = first + count;

	*bytes = 0;
	for (unsigned i = first; i < end;) {
		if (!is_string_item(s->utcb[i])) {
			i += 2;
			continue;
		}
		struct pieces str;
		if (!strings_parse(s->utcb, &i, end, &str) || k >= nbufs || str.total > bufs[k].total ||
		    str.total > STRING_BYTES_MAX)
			return IPC_ERR_OVERFLOW;
		/* Walk both lists of pieces in step, a page at a time. */
		const struct pieces *dst = &bufs[k++];
		unsigned sp = 0, dp = 0;
		word_t so = 0, doff = 0;
		while (sp < str.n) {
			if (so == str.len[sp]) { sp++; so = 0; continue; }
			if (doff == dst->len[dp]) { dp++; doff = 0; continue; }
			word_t sva = str.addr[sp] + so, dva = dst->addr[dp] + doff;
			word_t n = str.len[sp] - so;
			if (n > dst->len[dp] - doff)
				n = dst->len[dp] - doff;
			if (n > PAGE_SIZE - (sva & (PAGE_SIZE - 1)))
				n = PAGE_SIZE - (sva & (PAGE_SIZE - 1));
			if (n > PAGE_SIZE - (dva & (PAGE_SIZE - 1)))
				n = PAGE_SIZE - (dva & (PAGE_SIZE - 1));
			char *from = reach(s, sva, L4_RIGHT_R), *to = reach(r, dva, L4_RIGHT_W);
			if (!from || !to) {
				*in_sender = !from;
				return IPC_ERR_XFER_TO_SELF;
			}
			memcpy(to, from, n);
			so += n;
			doff += n;
			*bytes += n;
		}
	}
	return 0;
}
