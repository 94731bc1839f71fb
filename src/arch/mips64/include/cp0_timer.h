/* cp0_timer.h - the CPU's Count/Compare timer, as the mips64 port uses it. */
#ifndef PECAN_CP0_TIMER_H
#define PECAN_CP0_TIMER_H

/* Called from the timer interrupt: program the next Compare and say how
 * many tick periods have passed (1, or more if interrupts were late). */
unsigned cp0_timer_ack(void);

#endif
