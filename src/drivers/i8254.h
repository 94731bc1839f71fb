/* i8254.h - the PC's programmable interval timer (PIT): channel 0 as a
 * periodic tick, channel 2 as a one-shot to measure other clocks by. */
#ifndef PECAN_I8254_H
#define PECAN_I8254_H

#include <stdbool.h>
#include "pio.h"

#define I8254_HZ 1193182        /* the PIT's input clock */

/* Make channel 0 raise IRQ 0 hz times a second (rate generator). */
void i8254_periodic(const struct pio *io, unsigned hz);

/* Start channel 2 counting down ticks (1..65535) of I8254_HZ, once. */
void i8254_oneshot_start(const struct pio *io, uint16_t ticks);

/* True once the count started by i8254_oneshot_start() has run out. */
bool i8254_oneshot_done(const struct pio *io);

#endif
