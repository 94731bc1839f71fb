/* uart16550.c - 16550 UART, polled. */
#include "uart16550.h"

enum {
	RBR_THR = 0,    /* receive / transmit holding (DLL when DLAB=1) */
	IER = 1,        /* interrupt enable (DLM when DLAB=1) */
	FCR = 2,        /* FIFO control */
	LCR = 3,        /* line control */
	MCR = 4,        /* modem control */
	LSR = 5,        /* line status */
	LCR_DLAB = 0x80,
	LCR_8N1 = 0x03,
	LSR_THRE = 0x20,        /* transmit holding register empty */
};

void uart16550_init(const struct pio *io, uint16_t base)
{
	io->out(base + IER, 0);
	io->out(base + LCR, LCR_DLAB);
	io->out(base + RBR_THR, 1);     /* divisor 1: 115200 baud */
	io->out(base + IER, 0);
	io->out(base + LCR, LCR_8N1);
	io->out(base + FCR, 0x07);      /* enable and clear both FIFOs */
	io->out(base + MCR, 0x03);      /* DTR, RTS */
}

void uart16550_putc(const struct pio *io, uint16_t base, char c)
{
	while (!(io->in(base + LSR) & LSR_THRE))
		;
	io->out(base + RBR_THR, (uint8_t)c);
}
