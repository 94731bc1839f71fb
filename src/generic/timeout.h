/*
 * timeout.h - IPC timeouts: decoding X.2 time values, and the queue of
 * waiting threads that the timer tick wakes.
 */
#ifndef PECAN_TIMEOUT_H
#define PECAN_TIMEOUT_H

#include "tcb.h"

#define TIME_NEVER 0x0000u

/* The SystemClock, in µs. */
uint64_t clock_us(void);

/*
 * The deadline (SystemClock µs) of a 16-bit X.2 time value read at `now`:
 * 0 for never, `now` for a zero period.  Periods are m·2^e µs from now; a
 * point fires at the first clock value after now whose bits e..e+9 equal m
 * and whose bit e+10 equals c.
 */
uint64_t timeout_deadline(unsigned t16, uint64_t now);

/* Wake t (with an IPC timeout) once the clock reaches `at`; a later call
 * replaces the earlier deadline.  timeout_cancel() forgets it. */
void timeout_set(tcb_t *t, uint64_t at);
void timeout_remove(tcb_t *t);

/* Take t off the timeout queue, if it is on it.  Inline: almost every IPC
 * ends a wait without a timeout, and then this is one load. */
static inline void timeout_cancel(tcb_t *t)
{
	if (t->timeout_at)
		timeout_remove(t);
}

/* From the timer tick: time out every thread whose deadline has come. */
void timeout_tick(uint64_t now);

#endif
