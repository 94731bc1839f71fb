/*
 * irq_device.c for x86_64: the device the interrupt tests raise from user
 * mode.  The pc board's RTC (line 8) gives a periodic interrupt; the root
 * server reaches its I/O ports after SpaceControl's x86_64 control bit 0
 * (I/O privilege) on its own space.
 */
#include "../l4test.h"

const bool test_irq_available = true;
const unsigned test_irq_line = 8;
const unsigned test_irq_kernel_line = 0;        /* the kernel's tick: not for users */

static void outb(unsigned port, unsigned char v)
{
	__asm__ volatile("outb %0, %w1" : : "a"(v), "Nd"(port));
}

static unsigned char inb(unsigned port)
{
	unsigned char v;
	__asm__ volatile("inb %w1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static unsigned char rtc_read(unsigned char reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static void rtc_write(unsigned char reg, unsigned char v)
{
	outb(0x70, reg);
	outb(0x71, v);
}

bool test_irq_setup(void)
{
	L4_Word_t old;
	return L4_SpaceControl(L4_Myself(), 1, L4_Nilpage, L4_Nilpage, L4_nilthread, &old) != 0;
}

void test_irq_raise(void)
{
	rtc_write(0x0a, (rtc_read(0x0a) & 0xf0) | 0x06);       /* 1024 Hz */
	rtc_write(0x0b, rtc_read(0x0b) | 0x40);                 /* periodic interrupt on */
}

void test_irq_ack(void)
{
	(void)rtc_read(0x0c);           /* reading C lowers the line */
}

void test_irq_stop(void)
{
	rtc_write(0x0b, rtc_read(0x0b) & ~0x40);
	(void)rtc_read(0x0c);
}
