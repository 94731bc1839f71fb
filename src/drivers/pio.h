/*
 * pio.h - 8-bit I/O port access for PC-style devices.
 *
 * The 16550, i8259 and i8254 sit at the same I/O port numbers on the PC and
 * behind malta's PIIX4, but the CPU reaches them differently: in/out
 * instructions on x86, a memory window on MIPS.  The board hands drivers
 * these two functions.
 */
#ifndef PECAN_PIO_H
#define PECAN_PIO_H

#include <stdint.h>

struct pio {
	uint8_t (*in)(uint16_t port);
	void (*out)(uint16_t port, uint8_t value);
};

#endif
