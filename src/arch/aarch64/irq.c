/* irq.c - trap vectors and virt's GICv2. */
#include "arch/irq.h"
#include "arch/mmu.h"
#include "arch/sysreg.h"
#include "gic.h"
#include "port.h"

extern char vectors[];          /* vectors.S */

void port_trap_init(void)
{
	write_sysreg(vbar_el1, vectors);
	isb();
	gic_init(arm_device_va(VIRT_GICD), arm_device_va(VIRT_GICC));
	/* The page-table self-test wants kmem (ready before this, main.c)
	 * and the vectors, to fix up the access-flag faults it provokes. */
	arm_space_selftest();
}

/* The kernel sends no SGIs, so the IAR's source-CPU bits, which only SGIs
 * carry, need not travel from ack to EOI. */
unsigned arm_irq_ack(void)
{
	unsigned irq = gic_ack() & 0x3ff;

	return irq >= 1020 ? ARM_IRQ_NONE : irq;        /* 1020-1023: special, none pending */
}

void arm_irq_eoi(unsigned irq)
{
	gic_eoi(irq);
}

/* PPIs and SPIs are a user's, but the kernel's tick; SGIs are not lines. */
bool port_irq_line_valid(unsigned irq)
{
	return irq >= 16 && irq < PORT_NUM_IRQS && irq != ARM_TIMER_IRQ;
}

void port_irq_line_mask(unsigned irq)
{
	gic_disable(irq);
}

void port_irq_line_unmask(unsigned irq)
{
	gic_enable(irq);
}
