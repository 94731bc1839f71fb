/*
 * irq_device.c for aarch64: the device the interrupt tests raise from user
 * mode.  The EL1 physical timer (PPI 14, GIC interrupt 30) is a second
 * timer the kernel leaves alone; it lets EL0 program it (CNTKCTL_EL1).
 */
#include "../l4test.h"

const bool test_irq_available = true;
const unsigned test_irq_line = 30;
const unsigned test_irq_kernel_line = 27;       /* the kernel's tick (virtual timer) */

bool test_irq_setup(void)
{
	return true;
}

void test_irq_raise(void)
{
	__asm__ volatile("msr cntp_tval_el0, %0\n\tmsr cntp_ctl_el0, %1\n\tisb"
			 : : "r"(1000ul), "r"(1ul));    /* in 1000 ticks: 16 µs */
}

void test_irq_ack(void)
{
	__asm__ volatile("msr cntp_ctl_el0, %0\n\tisb" : : "r"(0ul));       /* off: the line drops */
}

void test_irq_stop(void)
{
	test_irq_ack();
}
