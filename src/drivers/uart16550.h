/* uart16550.h - the 16550 UART as a polled kernel console. */
#ifndef PECAN_UART16550_H
#define PECAN_UART16550_H

#include "pio.h"

/* Program 115200 baud, 8N1, FIFOs on, interrupts off, at I/O port base. */
void uart16550_init(const struct pio *io, uint16_t base);

/* Wait until the transmitter has room, then send c. */
void uart16550_putc(const struct pio *io, uint16_t base, char c);

#endif
