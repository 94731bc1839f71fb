/*
 * irq_device.c for mips64: no device yet that user mode can raise an
 * interrupt with (malta's are behind the PIIX4, which user mode cannot
 * reach until sigma0 hands out device memory), so the interrupt tests do
 * not run on this port yet.
 */
#include "../l4test.h"

const bool test_irq_available = false;
const unsigned test_irq_line = 0;
const unsigned test_irq_kernel_line = 0;

bool test_irq_setup(void) { return false; }
void test_irq_raise(void) {}
void test_irq_ack(void) {}
void test_irq_stop(void) {}
