/* pl011.h - the ARM PL011 UART as a polled kernel console. */
#ifndef PECAN_PL011_H
#define PECAN_PL011_H

#include <stdint.h>

/* 8N1 with FIFOs, interrupts masked, transmitter and receiver on, at the
 * kernel address base.  The baud rate is left as the firmware set it: the
 * divisor depends on a clock the board decides (QEMU ignores it). */
void pl011_init(uintptr_t base);

/* Wait until the transmit FIFO has room, then send c. */
void pl011_putc(uintptr_t base, char c);

#endif
