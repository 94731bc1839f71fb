/* timer.c - counting timer ticks, and charging them to the running thread.
 * The timeout queue will hang off timer_tick() too. */
#include "port.h"
#include "sched.h"
#include "timeout.h"
#include "timer.h"

static volatile uint64_t ticks;

/* Called by the port's timer interrupt, interrupts off. */
void timer_tick(void)
{
	ticks++;
	if (current) {
		timeout_tick(clock_us());
		sched_tick();
	}
}

uint64_t timer_ticks(void)
{
	return ticks;
}
