/*
 * malta.c - QEMU's malta board: the PIIX4's I/O ports, the COM1 console,
 * the interrupt controller and the power-off.
 */
#include "cp0.h"
#include "i8259.h"
#include "kprintf.h"
#include "malta.h"
#include "port.h"
#include "uart16550.h"

/* Uncached KSEG1 accesses reach the device in program order. */
static uint8_t isa_in(uint16_t port)
{
	return *(volatile uint8_t *)(MALTA_ISA_IO + port);
}

static void isa_out(uint16_t port, uint8_t value)
{
	*(volatile uint8_t *)(MALTA_ISA_IO + port) = value;
}

const struct pio malta_pio = { .in = isa_in, .out = isa_out };

void port_console_init(void)
{
	uart16550_init(&malta_pio, MALTA_COM1);
}

void port_console_putc(char c)
{
	uart16550_putc(&malta_pio, MALTA_COM1, c);
}

/* The CPU sees the 8259 pair as one line (IP2), left masked in Status.IM
 * until device interrupts exist; the timer is the CPU's own Count/Compare. */
void malta_pic_init(void)
{
	i8259_init(&malta_pio, 0);
}

/*
 * The board's software reset ends QEMU, which runs with -no-reboot.  It
 * cannot carry a status (and QEMU 7.2's qemu-system-mips64 has no
 * isa-debug-exit device), so the line kernel_halt() printed before this
 * is what tells success from failure.
 */
void port_poweroff(bool success)
{
	(void)success;
	port_irq_disable();
	*(volatile uint32_t *)MALTA_SOFTRES = MALTA_SOFTRES_RESET;
	kprintf("pecan: the reset register did not stop the machine; halted\n");
	for (;;)
		__asm__ volatile("wait");
}

/*
 * Interrupts as IPC: malta's device lines reach the CPU through the PIIX4's
 * i8259 pair, as one line, IP2 (unmasked in Status once a handler needs it).
 */
bool port_irq_line_valid(unsigned irq)
{
	return irq < PORT_NUM_IRQS && irq != 2;         /* 2: the cascade */
}

void port_irq_line_mask(unsigned irq)
{
	i8259_mask(&malta_pio, irq);
}

void port_irq_line_unmask(unsigned irq)
{
	i8259_unmask(&malta_pio, irq);
	cp0_set_status(cp0_status() | 1u << (ST_IM_SHIFT + MALTA_IRQ_LINE));
}

/* The line the i8259 says is asking, masked and acknowledged, or -1. */
int malta_irq_take(void)
{
	int irq = i8259_pending(&malta_pio);

	if (irq >= 0) {
		i8259_mask(&malta_pio, irq);
		i8259_eoi(&malta_pio, irq);
	}
	return irq;
}
