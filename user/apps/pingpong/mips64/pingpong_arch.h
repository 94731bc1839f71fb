/*
 * pingpong_arch.h for mips64: the cycle counter and the benchmark's loops.
 *
 * The counter is CP0 Count, which user mode reads with `rdhwr $2` (hardware
 * register 2, CC) once the kernel has set HWREna bit 2, as Pecan does.  It
 * is 32 bits wide and does NOT tick once per instruction: under QEMU
 * -icount shift=0 it advances with virtual time at a fixed rate (one tick
 * per 6 instructions on QEMU 7.2's malta).  pingpong therefore measures its
 * scale at start-up against a loop of known length and converts ticks to
 * instructions (PP_COUNTER_SCALED).
 *
 * The loops are written out in assembly so that the user-mode instructions
 * per round trip are known exactly (PP_CLIENT_USER, PP_SERVER_USER: the
 * trap instruction not counted, branch delay slots counted) and so that
 * nothing but the IPC itself happens in them: no UTCB lookups (rdhwr $29 is
 * emulated by the kernel on this CPU), no memory traffic; the message
 * registers MR1... stay in the UTCB as loaded once, MR0 travels in a3
 * (docs/api.md: syscall, v0 = number, a0-a6 arguments and results).
 */
#ifndef PINGPONG_ARCH_H
#define PINGPONG_ARCH_H

#include <stdint.h>
#include <l4/types.h>
#include <l4/abi.h>

#define PP_COUNTER_NAME "cp0_count"
#define PP_COUNTER_SCALED 1     /* ticks, converted to instructions by the calibration */

/* User-mode instructions of one turn of each loop, the trap not counted. */
#define PP_CLIENT_USER 7
#define PP_SERVER_USER 5

static inline uint64_t pp_counter(void)
{
	uint32_t c;
	__asm__ __volatile__(".set push\n\t.set mips64r2\n\trdhwr %0, $2\n\t.set pop"
			     : "=r"(c) : : "memory");
	return c;
}

/* Count is 32 bits wide: deltas modulo 2^32. */
#define PP_COUNTER_DELTA(t1, t0) ((uint64_t)(uint32_t)((t1) - (t0)))

/*
 * A time stamp to the instruction, from a counter that ticks once per S
 * instructions: PP_BURST reads of Count in a row, one instruction (one
 * nanosecond of virtual time) apart.  Where the value changes, at read j,
 * Count has just ticked: read j ran at the tick, so read 0 ran at
 * S * Count - j (plus a constant that cancels in differences).  Without the
 * burst, a delta of ticks is only good to S instructions, and which of two
 * neighbouring values it gives depends on the phase of Count against the
 * program, which need not repeat from run to run.
 */
#define PP_BURST 8              /* S up to 7 */
typedef struct {
	uint32_t r[PP_BURST];
} pp_stamp_t;

static inline void pp_stamp(pp_stamp_t *s)
{
	uint32_t r0, r1, r2, r3, r4, r5, r6, r7;
	__asm__ __volatile__(".set push\n\t.set mips64r2\n\t"
			     "rdhwr %0, $2\n\trdhwr %1, $2\n\trdhwr %2, $2\n\trdhwr %3, $2\n\t"
			     "rdhwr %4, $2\n\trdhwr %5, $2\n\trdhwr %6, $2\n\trdhwr %7, $2\n\t"
			     ".set pop"
			     : "=&r"(r0), "=&r"(r1), "=&r"(r2), "=&r"(r3),
			       "=&r"(r4), "=&r"(r5), "=&r"(r6), "=&r"(r7)
			     : : "memory");
	s->r[0] = r0; s->r[1] = r1; s->r[2] = r2; s->r[3] = r3;
	s->r[4] = r4; s->r[5] = r5; s->r[6] = r6; s->r[7] = r7;
}

/* The virtual time of the stamp's read 0, in instructions, given S
 * instructions per tick, plus PP_BURST (so that it is never negative; the
 * constant cancels in differences, which are modulo S * 2^32); false if
 * Count did not tick during the burst. */
static inline int pp_stamp_time(const pp_stamp_t *s, unsigned S, uint64_t *t)
{
	for (int j = 1; j < PP_BURST; j++)
		if (s->r[j] != s->r[j - 1]) {
			*t = (uint64_t)S * s->r[j] + PP_BURST - j;
			return 1;
		}
	return 0;
}

/* n calls to `to` (to = FromSpecifier = to, the given Timeouts) with MR0 =
 * tag.  Returns the MR0 of the last reply. */
static inline L4_Word_t pp_client(L4_Word_t to, L4_Word_t timeouts, L4_Word_t tag, L4_Word_t n)
{
	register L4_Word_t a3 __asm__("$7");

	__asm__ __volatile__(
		".set push\n\t.set noreorder\n\t"
		"move	$4, %[to]\n"
		"1:\n\t"
		"move	$5, %[to]\n\t"
		"move	$6, %[tmo]\n\t"
		"move	$7, %[tag]\n\t"
		"li	$2, %[nr]\n\t"
		"syscall\n\t"
		"daddiu	%[n], %[n], -1\n\t"
		"bnez	%[n], 1b\n\t"
		" move	$4, %[to]\n\t"			/* delay slot: the next turn's a0 */
		".set pop"
		: [n] "+r"(n), "=&r"(a3)
		: [to] "r"(to), [tmo] "r"(timeouts), [tag] "r"(tag), [nr] "i"(L4_SYS_IPC)
		: "$2", "$4", "$5", "$6", "$8", "$9", "$10", "memory");
	return a3;
}

/* The server: an open wait, then for ever a reply-and-wait to `client` that
 * sends back the tag it received (and so the same untyped words, which the
 * kernel left in our UTCB). */
static inline __attribute__((noreturn)) void pp_server(L4_Word_t client, L4_Word_t reply_timeouts)
{
	__asm__ __volatile__(
		".set push\n\t.set noreorder\n\t"
		"move	$4, $0\n\t"			/* Wait: to = nil, */
		"li	$5, -1\n\t"			/* from = anythread, */
		"move	$6, $0\n\t"			/* timeouts never */
		"move	$7, $0\n\t"
		"li	$2, %[nr]\n\t"
		"syscall\n\t"
		"move	$4, %[client]\n"
		"1:\n\t"
		"li	$5, -1\n\t"
		"move	$6, %[tmo]\n\t"
		"li	$2, %[nr]\n\t"
		"syscall\n\t"
		"b	1b\n\t"
		" move	$4, %[client]\n\t"		/* delay slot: the next turn's a0 */
		".set pop"
		:
		: [client] "r"(client), [tmo] "r"(reply_timeouts), [nr] "i"(L4_SYS_IPC)
		: "$2", "$4", "$5", "$6", "$7", "$8", "$9", "$10", "memory");
	__builtin_unreachable();
}

/* A loop of exactly 2 * (n + 1) instructions: the branch tests n before
 * its delay slot decrements it, so the body runs n + 1 times.  With
 * extra = 1, 4 * (n + 1) instructions. */
static inline void pp_known_loop(L4_Word_t n, int extra)
{
	if (extra)
		__asm__ __volatile__(".set push\n\t.set noreorder\n"
				     "1:\tnop\n\tnop\n\tbnez %0, 1b\n\t daddiu %0, %0, -1\n\t.set pop"
				     : "+r"(n));
	else
		__asm__ __volatile__(".set push\n\t.set noreorder\n"
				     "1:\tbnez %0, 1b\n\t daddiu %0, %0, -1\n\t.set pop"
				     : "+r"(n));
}
#define PP_KNOWN_LOOP_INSNS(n, extra) ((extra) ? 4 * ((n) + 1) : 2 * ((n) + 1))

#endif
