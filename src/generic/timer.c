/* timer.c - counting timer ticks.  The scheduler and the timeout queue
 * will hang off timer_tick(). */
#include "port.h"
#include "timer.h"

static volatile uint64_t ticks;

/* Called by the port's timer interrupt, interrupts off. */
void timer_tick(void)
{
	ticks++;
}

uint64_t timer_ticks(void)
{
	return ticks;
}
