/* pl011.c - ARM PL011 UART, polled. */
#include "pl011.h"

enum {
	DR = 0x00,              /* data */
	FR = 0x18,              /* flags */
	LCRH = 0x2c,            /* line control */
	CR = 0x30,              /* control */
	IMSC = 0x38,            /* interrupt mask set/clear */
	ICR = 0x44,             /* interrupt clear */
	FR_BUSY = 1 << 3,
	FR_TXFF = 1 << 5,       /* transmit FIFO full */
	LCRH_FEN = 1 << 4,
	LCRH_WLEN8 = 3 << 5,
	CR_UARTEN = 1 << 0,
	CR_TXE = 1 << 8,
	CR_RXE = 1 << 9,
};

static inline uint32_t rd(uintptr_t base, unsigned reg)
{
	return *(volatile uint32_t *)(base + reg);
}

static inline void wr(uintptr_t base, unsigned reg, uint32_t v)
{
	*(volatile uint32_t *)(base + reg) = v;
}

void pl011_init(uintptr_t base)
{
	/* The PL011 wants to be disabled and idle while it is reprogrammed. */
	wr(base, CR, 0);
	while (rd(base, FR) & FR_BUSY)
		;
	wr(base, LCRH, LCRH_WLEN8 | LCRH_FEN);
	wr(base, IMSC, 0);
	wr(base, ICR, 0x7ff);
	wr(base, CR, CR_UARTEN | CR_TXE | CR_RXE);
}

void pl011_putc(uintptr_t base, char c)
{
	while (rd(base, FR) & FR_TXFF)
		;
	wr(base, DR, (uint8_t)c);
}
