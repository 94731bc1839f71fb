/* i8259.c - two cascaded 8259A PICs, the slave on line 2 of the master,
 * as on every PC. */
#include "i8259.h"

enum {
	MASTER = 0x20, SLAVE = 0xa0,    /* command port; data port is +1 */
	ICW1_INIT = 0x11,               /* edge, cascade, ICW4 follows */
	ICW4_8086 = 0x01,
	OCW2_EOI = 0x20,
	OCW3_POLL = 0x0c,
	CASCADE_IRQ = 2,
};

static uint16_t data_port(unsigned irq)
{
	return (irq < 8 ? MASTER : SLAVE) + 1;
}

void i8259_init(const struct pio *io, uint8_t vector_base)
{
	io->out(MASTER, ICW1_INIT);
	io->out(SLAVE, ICW1_INIT);
	io->out(MASTER + 1, vector_base);
	io->out(SLAVE + 1, vector_base + 8);
	io->out(MASTER + 1, 1 << CASCADE_IRQ);  /* slave hangs off line 2 */
	io->out(SLAVE + 1, CASCADE_IRQ);        /* slave's cascade identity */
	io->out(MASTER + 1, ICW4_8086);
	io->out(SLAVE + 1, ICW4_8086);
	io->out(MASTER + 1, 0xff & ~(1 << CASCADE_IRQ));
	io->out(SLAVE + 1, 0xff);
}

void i8259_mask(const struct pio *io, unsigned irq)
{
	uint16_t port = data_port(irq);
	io->out(port, io->in(port) | (1 << (irq & 7)));
}

void i8259_unmask(const struct pio *io, unsigned irq)
{
	uint16_t port = data_port(irq);
	io->out(port, io->in(port) & ~(1 << (irq & 7)));
}

void i8259_eoi(const struct pio *io, unsigned irq)
{
	if (irq >= 8)
		io->out(SLAVE, OCW2_EOI);
	io->out(MASTER, OCW2_EOI);
}

int i8259_pending(const struct pio *io)
{
	io->out(MASTER, OCW3_POLL);
	uint8_t poll = io->in(MASTER);
	if (!(poll & 0x80))
		return -1;
	unsigned irq = poll & 7;
	if (irq != CASCADE_IRQ)
		return (int)irq;
	io->out(SLAVE, OCW3_POLL);
	poll = io->in(SLAVE);
	return (poll & 0x80) ? (int)(8 + (poll & 7)) : -1;
}
