/*
 * gic.h - the ARM GICv2 interrupt controller: a distributor shared by all
 * CPUs, and one CPU interface per CPU.  Interrupt numbers are the GIC's:
 * 0-15 SGIs, 16-31 per-CPU PPIs (the timers), 32 and up SPIs (devices).
 */
#ifndef PECAN_GIC_H
#define PECAN_GIC_H

#include <stdint.h>

#define GIC_SPURIOUS 1023

/* Mask, clear and route every line to this CPU, then turn the distributor
 * and this CPU's interface on.  dist and cpu are kernel addresses. */
void gic_init(uintptr_t dist, uintptr_t cpu);

void gic_enable(unsigned irq);  /* unmask irq */
void gic_disable(unsigned irq); /* mask irq */

/* Acknowledge the highest-priority pending interrupt: its IAR value, whose
 * low 10 bits are the number (GIC_SPURIOUS if none).  gic_eoi() takes the
 * same value back when the handler is done. */
uint32_t gic_ack(void);
void gic_eoi(uint32_t iar);

#endif
