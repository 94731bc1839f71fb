/* timer.c - the periodic tick from the EL1 virtual timer (CNTV), which
 * needs no help from EL2 and counts at CNTFRQ_EL0 (62.5 MHz on QEMU 7.2). */
#include "arch/irq.h"
#include "arch/sysreg.h"
#include "gic.h"
#include "panic.h"

static uint64_t interval;       /* counter ticks per timer tick */

void port_timer_init(unsigned hz)
{
	uint64_t freq = read_sysreg(cntfrq_el0);

	if (freq < hz)
		panic("timer: CNTFRQ_EL0 is %llu Hz", (unsigned long long)freq);
	interval = freq / hz;
	write_sysreg(cntv_cval_el0, read_sysreg(cntvct_el0) + interval);
	write_sysreg(cntv_ctl_el0, CNT_CTL_ENABLE);
	isb();
	gic_enable(ARM_TIMER_IRQ);
}

/* The next deadline counts from the last one, so ticks do not drift; a
 * CPU that fell far behind (a debugger stop) skips the lost ticks rather
 * than taking them all at once.  A deadline in the future also lowers the
 * timer's (level) interrupt line. */
void arm_timer_rearm(void)
{
	uint64_t next = read_sysreg(cntv_cval_el0) + interval;
	uint64_t now = read_sysreg(cntvct_el0);

	if (next <= now)
		next = now + interval;
	write_sysreg(cntv_cval_el0, next);
	isb();
}
