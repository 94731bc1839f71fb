/* i8254.c - PIT channel 0 as the periodic tick; channel 2 as a one-shot
 * for measuring other clocks. */
#include "i8254.h"

enum {
	CHANNEL0 = 0x40, CHANNEL2 = 0x42, COMMAND = 0x43,
	CH0_LOHI_RATE = 0x34,           /* channel 0, low then high byte, mode 2 */
	CH2_LOHI_ONESHOT = 0xb0,        /* channel 2, low then high byte, mode 0 */
	READBACK_CH2_STATUS = 0xe8,     /* latch channel 2's status, not its count */
	STATUS_OUT = 0x80,              /* the channel's output pin */
	PORT_B = 0x61,                  /* PC/PIIX4 port B: bit 0 gates channel 2, */
	PORT_B_GATE2 = 0x01,            /* bit 1 routes its output to the speaker */
	PORT_B_SPEAKER = 0x02,
};

void i8254_periodic(const struct pio *io, unsigned hz)
{
	unsigned divisor = (I8254_HZ + hz / 2) / hz;

	io->out(COMMAND, CH0_LOHI_RATE);
	io->out(CHANNEL0, divisor & 0xff);
	io->out(CHANNEL0, divisor >> 8);
}

/* Mode 0: the output goes low when the count is written and high when it
 * has counted down.  Channel 2 counts only while its gate (port B bit 0)
 * is high; QEMU's malta has no port B, and its 8254 ignores the gate in
 * mode 0. */
void i8254_oneshot_start(const struct pio *io, uint16_t ticks)
{
	io->out(PORT_B, (io->in(PORT_B) & ~PORT_B_SPEAKER) | PORT_B_GATE2);
	io->out(COMMAND, CH2_LOHI_ONESHOT);
	io->out(CHANNEL2, ticks & 0xff);
	io->out(CHANNEL2, ticks >> 8);
}

/* The read-back command latches the output pin's state without stopping
 * the count.  It works on any 8254, where port B (bit 5) may be missing. */
bool i8254_oneshot_done(const struct pio *io)
{
	io->out(COMMAND, READBACK_CH2_STATUS);
	return io->in(CHANNEL2) & STATUS_OUT;
}
