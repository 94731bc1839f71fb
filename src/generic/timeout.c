/*
 * timeout.c - the timeout queue: waiting threads sorted by deadline, so
 * the tick looks only at the head.  Insertion walks the list; the queue
 * holds only threads in a timed IPC wait, which are few.
 */
#include "ipc.h"
#include "timeout.h"
#include "timer.h"

static tcb_t *queue;            /* soonest first, linked through timeout_next */

uint64_t clock_us(void)
{
	return timer_ticks() * (1000000 / TIMER_HZ);
}

uint64_t timeout_deadline(unsigned t16, uint64_t now)
{
	if (t16 == TIME_NEVER)
		return 0;
	unsigned m = t16 & 0x3ff;
	if (!(t16 & 0x8000))                    /* a period: m·2^e µs */
		return now + ((uint64_t)m << ((t16 >> 10) & 0x1f));
	unsigned e = (t16 >> 11) & 0xf, c = (t16 >> 10) & 1;
	uint64_t span = 1ull << (e + 11);       /* the clock bits the point names, and c */
	uint64_t at = (now & ~(span - 1)) | (uint64_t)c << (e + 10) | (uint64_t)m << e;
	return at > now ? at : at + span;      /* past this round: the next one */
}

void timeout_remove(tcb_t *t)
{
	for (tcb_t **p = &queue; *p; p = &(*p)->timeout_next)
		if (*p == t) {
			*p = t->timeout_next;
			break;
		}
	t->timeout_at = 0;
	t->timeout_next = NULL;
}

void timeout_set(tcb_t *t, uint64_t at)
{
	timeout_cancel(t);
	if (at == 0)
		at = 1;                 /* 0 means "none": the clock's first µs will do */
	tcb_t **p = &queue;
	while (*p && (*p)->timeout_at <= at)
		p = &(*p)->timeout_next;
	t->timeout_at = at;
	t->timeout_next = *p;
	*p = t;
}

void timeout_tick(uint64_t now)
{
	while (queue && queue->timeout_at <= now) {
		tcb_t *t = queue;
		timeout_cancel(t);
		ipc_cancel(t, IPC_ERR_TIMEOUT);
	}
}
