/*
 * board.c - QEMU's `pc` board: I/O ports, the COM1 console, the i8259
 * interrupt controllers, the i8254 timer and the isa-debug-exit power-off.
 */
#include "i8254.h"
#include "i8259.h"
#include "kprintf.h"
#include "pc.h"
#include "port.h"
#include "uart16550.h"
#include "x86.h"

const char port_name[] = "x86_64";

const struct pio pc_pio = { .in = inb, .out = outb };

void port_console_init(void)
{
	uart16550_init(&pc_pio, PC_COM1);
}

void port_console_putc(char c)
{
	uart16550_putc(&pc_pio, PC_COM1, c);
}

void pc_pic_init(void)
{
	i8259_init(&pc_pio, TRAP_IRQ_BASE);
}

void pc_irq_ack(unsigned irq)
{
	i8259_eoi(&pc_pio, irq);
}

/* Every i8259 line is a user's but the timer's and the cascade's. */
bool port_irq_line_valid(unsigned irq)
{
	return irq < PORT_NUM_IRQS && irq != PC_IRQ_TIMER && irq != PC_IRQ_CASCADE;
}

void port_irq_line_mask(unsigned irq)
{
	i8259_mask(&pc_pio, irq);
}

void port_irq_line_unmask(unsigned irq)
{
	i8259_unmask(&pc_pio, irq);
}

void port_timer_init(unsigned hz)
{
	i8254_periodic(&pc_pio, hz);
	i8259_unmask(&pc_pio, PC_IRQ_TIMER);
}

/* isa-debug-exit ends QEMU with status (value << 1) | 1: 1 for success,
 * 3 for failure.  Without the device the writes do nothing and we halt. */
void port_poweroff(bool success)
{
	port_irq_disable();
	outb(PC_DEBUG_EXIT, success ? 0 : 1);
	kprintf("pecan: no isa-debug-exit device; halted\n");
	for (;;)
		__asm__ volatile("hlt");
}
