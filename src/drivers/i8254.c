/* i8254.c - PIT channel 0 as the periodic tick. */
#include "i8254.h"

enum { CHANNEL0 = 0x40, COMMAND = 0x43, CH0_LOHI_RATE = 0x34 };

void i8254_periodic(const struct pio *io, unsigned hz)
{
	unsigned divisor = (I8254_HZ + hz / 2) / hz;

	io->out(COMMAND, CH0_LOHI_RATE);
	io->out(CHANNEL0, divisor & 0xff);
	io->out(CHANNEL0, divisor >> 8);
}
