/*
 * pingpong_arch.h for x86_64: the cycle counter and the benchmark's loops.
 *
 * The counter is the time-stamp counter (rdtsc; the kernel leaves CR4.TSD
 * clear, so user mode may read it).  Under QEMU -icount shift=0 it advances
 * by one per guest instruction.
 *
 * The loops are written out in assembly so that the user-mode instructions
 * per round trip are known exactly (PP_CLIENT_USER, PP_SERVER_USER: the
 * trap instruction not counted) and so that nothing but the IPC itself
 * happens in them: no UTCB lookups, no memory traffic; the message
 * registers MR1... stay in the UTCB as loaded once, MR0 travels in r10
 * (docs/api.md: syscall, rax = number, rdi rsi rdx r10 r8 r9 r12).
 */
#ifndef PINGPONG_ARCH_H
#define PINGPONG_ARCH_H

#include <stdint.h>
#include <l4/types.h>
#include <l4/abi.h>

#define PP_COUNTER_NAME "rdtsc"
#define PP_COUNTER_SCALED 0     /* the counter counts instructions itself */

/* User-mode instructions of one turn of each loop, the trap not counted. */
#define PP_CLIENT_USER 7
#define PP_SERVER_USER 5

static inline uint64_t pp_counter(void)
{
	uint32_t lo, hi;
	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
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
	register L4_Word_t r10 __asm__("r10");

	__asm__ __volatile__(
		"1:\n\t"
		"mov	%[to], %%rdi\n\t"
		"mov	%[to], %%rsi\n\t"
		"mov	%[tmo], %%rdx\n\t"
		"mov	%[tag], %%r10\n\t"
		"mov	%[nr], %%eax\n\t"
		"syscall\n\t"
		"dec	%[n]\n\t"
		"jnz	1b"
		: [n] "+r"(n), "=&r"(r10)
		: [to] "r"(to), [tmo] "r"(timeouts), [tag] "r"(tag), [nr] "i"(L4_SYS_IPC)
		: "rax", "rcx", "r11", "rdi", "rsi", "rdx", "r8", "r9", "r12", "memory", "cc");
	return r10;
}

/* The server: an open wait, then for ever a reply-and-wait to `client` that
 * sends back the tag it received (and so the same untyped words, which the
 * kernel left in our UTCB). */
static inline __attribute__((noreturn)) void pp_server(L4_Word_t client, L4_Word_t reply_timeouts)
{
	__asm__ __volatile__(
		"xor	%%edi, %%edi\n\t"		/* Wait: to = nil, */
		"mov	$-1, %%rsi\n\t"			/* from = anythread, */
		"xor	%%edx, %%edx\n\t"		/* timeouts never */
		"xor	%%r10d, %%r10d\n\t"
		"mov	%[nr], %%eax\n\t"
		"syscall\n"
		"1:\n\t"
		"mov	%[client], %%rdi\n\t"
		"mov	$-1, %%rsi\n\t"
		"mov	%[tmo], %%rdx\n\t"
		"mov	%[nr], %%eax\n\t"
		"syscall\n\t"
		"jmp	1b"
		:
		: [client] "r"(client), [tmo] "r"(reply_timeouts), [nr] "i"(L4_SYS_IPC)
		: "rax", "rcx", "r11", "rdi", "rsi", "rdx", "r10", "r8", "r9", "r12", "memory", "cc");
	__builtin_unreachable();
}

/* A loop of exactly 2 * n instructions (n >= 1); with extra = 1, 4 * n. */
static inline void pp_known_loop(L4_Word_t n, int extra)
{
	if (extra)
		__asm__ __volatile__("1: nop\n\tnop\n\tdec %0\n\tjnz 1b" : "+r"(n) : : "cc");
	else
		__asm__ __volatile__("1: dec %0\n\tjnz 1b" : "+r"(n) : : "cc");
}
#define PP_KNOWN_LOOP_INSNS(n, extra) ((extra) ? 4 * (n) : 2 * (n))

#endif
