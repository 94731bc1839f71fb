/* i8254.h - the PC's programmable interval timer (PIT), channel 0. */
#ifndef PECAN_I8254_H
#define PECAN_I8254_H

#include "pio.h"

#define I8254_HZ 1193182        /* the PIT's input clock */

/* Make channel 0 raise IRQ 0 hz times a second (rate generator). */
void i8254_periodic(const struct pio *io, unsigned hz);

#endif
