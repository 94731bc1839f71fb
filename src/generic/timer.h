/* timer.h - the kernel's clock, driven by the port's periodic interrupt. */
#ifndef PECAN_TIMER_H
#define PECAN_TIMER_H

#include "types.h"

#define TIMER_HZ 1000           /* ticks a second: one tick is 1 ms */

uint64_t timer_ticks(void);     /* ticks since the timer started */

#endif
