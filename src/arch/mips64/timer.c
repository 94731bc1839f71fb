/*
 * timer.c - the periodic tick from CP0 Count/Compare, and Count as the
 * cycle counter.
 *
 * Count runs at a rate the architecture leaves to the implementation (half
 * the pipeline clock on many cores; on QEMU a fixed rate of virtual time),
 * so it is measured at boot against the PIIX4's 8254, whose input clock is
 * the PC's 1.193182 MHz.  A Compare match raises IP7 until Compare is
 * written again.
 */
#include "cp0.h"
#include "cp0_timer.h"
#include "i8254.h"
#include "kprintf.h"
#include "malta.h"
#include "panic.h"
#include "port.h"

/* One-shot lengths in 8254 ticks: 2 ms and 20 ms */
#define SHORT_SHOT 2386
#define LONG_SHOT 23864
#define SHOT_TRIES 3

volatile uint64_t mips_count64;         /* see port_cycles() */

static uint32_t count_hz;               /* measured Count rate */
static uint32_t period;                 /* Count ticks per timer tick */
static uint32_t next_compare;           /* Count value of the next tick */

/*
 * Count ticks from just before a one-shot of pit_ticks starts until just
 * after it is seen to end.  Under plain TCG, host delays can only make a
 * try longer, never shorter, so the shortest of a few tries is kept.
 */
static uint32_t count_one_shot(uint16_t pit_ticks)
{
	uint32_t best = UINT32_MAX;

	for (int i = 0; i < SHOT_TRIES; i++) {
		uint32_t start = cp0_count();
		i8254_oneshot_start(&malta_pio, pit_ticks);
		while (!i8254_oneshot_done(&malta_pio))
			if (cp0_count() - start > 0x80000000u)
				panic("timer: the i8254 one-shot never ran out");
		uint32_t counted = cp0_count() - start;
		if (counted < best)
			best = counted;
	}
	return best;
}

/* Count ticks per second.  Starting and polling the 8254 costs a few
 * microseconds, the same in a short and a long shot: their difference
 * cancels it. */
static uint32_t count_rate(void)
{
	uint32_t counted = count_one_shot(LONG_SHOT) - count_one_shot(SHORT_SHOT);
	return (uint64_t)counted * I8254_HZ / (LONG_SHOT - SHORT_SHOT);
}

void port_timer_init(unsigned hz)
{
	count_hz = count_rate();
	kprintf("timer: CP0 Count runs at %u.%03u MHz (measured against the i8254)\n",
		count_hz / 1000000, count_hz / 1000 % 1000);
	period = count_hz / hz;
	if (period < 100)
		panic("timer: Count runs too slowly (%u Hz) for %u Hz ticks", count_hz, hz);
	next_compare = cp0_count() + period;
	cp0_set_compare(next_compare);
	cp0_set_status(cp0_status() | 1u << (ST_IM_SHIFT + IRQ_LINE_TIMER));
}

/* Ticks stay drift-free: Compare advances by whole periods from where it
 * was, not from "now".  If Count is already past the new Compare, that tick
 * is due too; skipping it would wait for Count to wrap (tens of seconds). */
unsigned cp0_timer_ack(void)
{
	unsigned ticks = 0;

	do {
		next_compare += period;
		ticks++;
		cp0_set_compare(next_compare);  /* also clears the interrupt */
	} while ((int32_t)(next_compare - cp0_count()) <= 0);
	port_cycles();                          /* see every wrap of Count */
	return ticks;
}
