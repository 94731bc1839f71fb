/*
 * pingpong_arch.h for aarch64: the cycle counter and the benchmark's loops.
 *
 * The counter is the PMU cycle counter PMCCNTR_EL0; the kernel turns it on
 * and lets EL0 read it (PMUSERENR_EL0.CR).  Under QEMU -icount shift=0 it
 * advances by one per guest instruction.
 *
 * The loops are written out in assembly so that the user-mode instructions
 * per round trip are known exactly (PP_CLIENT_USER, PP_SERVER_USER: the
 * trap instruction not counted) and so that nothing but the IPC itself
 * happens in them: no UTCB lookups, no memory traffic; the message
 * registers MR1... stay in the UTCB as loaded once, MR0 travels in x3
 * (docs/api.md: svc #0, x8 = number, x0-x6 arguments and results).
 */
#ifndef PINGPONG_ARCH_H
#define PINGPONG_ARCH_H

#include <stdint.h>
#include <l4/types.h>
#include <l4/abi.h>

#define PP_COUNTER_NAME "pmccntr_el0"
#define PP_COUNTER_SCALED 0     /* the counter counts instructions itself */

/* User-mode instructions of one turn of each loop, the trap not counted. */
#define PP_CLIENT_USER 7
#define PP_SERVER_USER 5

static inline uint64_t pp_counter(void)
{
	uint64_t c;
	__asm__ __volatile__("mrs %0, pmccntr_el0" : "=r"(c) : : "memory");
	return c;
}

/* A time stamp: the counter itself (elapsed instructions = difference). */
typedef uint64_t pp_stamp_t;
static inline void pp_stamp(pp_stamp_t *s)
{
	*s = pp_counter();
}

/* n calls to `to` (to = FromSpecifier = to, the given Timeouts) with MR0 =
 * tag.  Returns the MR0 of the last reply. */
static inline L4_Word_t pp_client(L4_Word_t to, L4_Word_t timeouts, L4_Word_t tag, L4_Word_t n)
{
	register L4_Word_t x3 __asm__("x3");

	__asm__ __volatile__(
		"1:\n\t"
		"mov	x0, %[to]\n\t"
		"mov	x1, %[to]\n\t"
		"mov	x2, %[tmo]\n\t"
		"mov	x3, %[tag]\n\t"
		"mov	x8, %[nr]\n\t"
		"svc	#0\n\t"
		"subs	%[n], %[n], #1\n\t"
		"b.ne	1b"
		: [n] "+r"(n), "=&r"(x3)
		: [to] "r"(to), [tmo] "r"(timeouts), [tag] "r"(tag), [nr] "i"(L4_SYS_IPC)
		: "x0", "x1", "x2", "x4", "x5", "x6", "x8", "memory", "cc");
	return x3;
}

/* The server: an open wait, then for ever a reply-and-wait to `client` that
 * sends back the tag it received (and so the same untyped words, which the
 * kernel left in our UTCB). */
static inline __attribute__((noreturn)) void pp_server(L4_Word_t client, L4_Word_t reply_timeouts)
{
	__asm__ __volatile__(
		"mov	x0, xzr\n\t"			/* Wait: to = nil, */
		"mov	x1, #-1\n\t"			/* from = anythread, */
		"mov	x2, xzr\n\t"			/* timeouts never */
		"mov	x3, xzr\n\t"
		"mov	x8, %[nr]\n\t"
		"svc	#0\n"
		"1:\n\t"
		"mov	x0, %[client]\n\t"
		"mov	x1, #-1\n\t"
		"mov	x2, %[tmo]\n\t"
		"mov	x8, %[nr]\n\t"
		"svc	#0\n\t"
		"b	1b"
		:
		: [client] "r"(client), [tmo] "r"(reply_timeouts), [nr] "i"(L4_SYS_IPC)
		: "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x8", "memory", "cc");
	__builtin_unreachable();
}

/* A loop of exactly 2 * n instructions (n >= 1); with extra = 1, 4 * n. */
static inline void pp_known_loop(L4_Word_t n, int extra)
{
	if (extra)
		__asm__ __volatile__("1: nop\n\tnop\n\tsubs %0, %0, #1\n\tb.ne 1b" : "+r"(n) : : "cc");
	else
		__asm__ __volatile__("1: subs %0, %0, #1\n\tb.ne 1b" : "+r"(n) : : "cc");
}
#define PP_KNOWN_LOOP_INSNS(n, extra) ((extra) ? 4 * (n) : 2 * (n))

#endif
