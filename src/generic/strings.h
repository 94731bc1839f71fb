/*
 * strings.h - string items: the bytes an IPC copies between two spaces.
 *
 * A message's string item (j+1 substrings of one length, and, while its
 * compound bit is set, the items after it) is one string; the receiver's
 * buffer registers give one buffer per string the same way.  The k-th
 * string fills the k-th buffer.  Before the copy, each side has faulted in
 * its own pages (the sender its strings, the receiver its buffers) through
 * its own pager, under its transfer timeout; the copy itself then finds
 * every page present.  A page gone by then is a transfer timeout (5 for
 * the side whose space it is, 6 for its partner).
 */
#ifndef PECAN_STRINGS_H
#define PECAN_STRINGS_H

#include "tcb.h"

#define STRING_BYTES_MAX (4ul << 20)    /* per message: more is an overflow */
#define PIECES_MAX 64

/* A string or a buffer: pieces of memory, in order. */
struct pieces {
	unsigned n;
	word_t addr[PIECES_MAX], len[PIECES_MAX];
	word_t total;
};

/*
 * Read one string (or buffer) starting at words[*i]: the item, its
 * substrings, and the compound items after it; *i moves past them.
 * False if the words run out or an item is not a string item.
 */
bool strings_parse(const word_t *words, unsigned *i, unsigned end, struct pieces *p);

/* Fault in the pages of t's outgoing strings (MR words) or of its receive
 * buffers (BRs, if BR0 accepts strings).  0, or the IPC error code. */
word_t strings_prefault_send(tcb_t *t);
word_t strings_prefault_receive(tcb_t *t);

/*
 * Copy s's strings (typed words from MR `first`, `count` words) into r's
 * buffers.  Returns 0 or the error code as r sees it, with the bytes
 * already copied in *bytes; *in_sender tells a transfer timeout's side.
 */
word_t strings_copy(tcb_t *s, tcb_t *r, unsigned first, unsigned count, word_t *bytes,
		    bool *in_sender);

#endif
