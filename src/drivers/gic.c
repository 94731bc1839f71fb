/* gic.c - ARM GICv2, one CPU, every interrupt in group 0 as IRQ. */
#include "gic.h"

enum {
	GICD_CTLR = 0x000,
	GICD_TYPER = 0x004,
	GICD_ISENABLER = 0x100,
	GICD_ICENABLER = 0x180,
	GICD_ICPENDR = 0x280,
	GICD_IPRIORITYR = 0x400,
	GICD_ITARGETSR = 0x800,
	GICC_CTLR = 0x00,
	GICC_PMR = 0x04,        /* priority mask: lower value = higher priority */
	GICC_BPR = 0x08,
	GICC_IAR = 0x0c,
	GICC_EOIR = 0x10,
	PRIORITY = 0xa0,        /* every line the same, below the mask */
};

static uintptr_t gicd, gicc;

static inline uint32_t rd(uintptr_t base, unsigned reg)
{
	return *(volatile uint32_t *)(base + reg);
}

static inline void wr(uintptr_t base, unsigned reg, uint32_t v)
{
	*(volatile uint32_t *)(base + reg) = v;
}

void gic_init(uintptr_t dist, uintptr_t cpu)
{
	gicd = dist;
	gicc = cpu;
	unsigned lines = 32 * ((rd(gicd, GICD_TYPER) & 0x1f) + 1);

	wr(gicd, GICD_CTLR, 0);
	for (unsigned i = 0; i < lines; i += 32) {
		wr(gicd, GICD_ICENABLER + i / 8, ~0u);
		wr(gicd, GICD_ICPENDR + i / 8, ~0u);
	}
	/* Four lines per word; SGIs and PPIs (below 32) target their own CPU. */
	for (unsigned i = 0; i < lines; i += 4) {
		wr(gicd, GICD_IPRIORITYR + i, PRIORITY * 0x01010101u);
		if (i >= 32)
			wr(gicd, GICD_ITARGETSR + i, 0x01010101u);
	}
	wr(gicd, GICD_CTLR, 1);

	wr(gicc, GICC_PMR, 0xf0);
	wr(gicc, GICC_BPR, 0);
	wr(gicc, GICC_CTLR, 1);
}

void gic_enable(unsigned irq)
{
	wr(gicd, GICD_ISENABLER + irq / 32 * 4, 1u << (irq % 32));
}

void gic_disable(unsigned irq)
{
	wr(gicd, GICD_ICENABLER + irq / 32 * 4, 1u << (irq % 32));
}

uint32_t gic_ack(void)
{
	return rd(gicc, GICC_IAR);
}

void gic_eoi(uint32_t iar)
{
	wr(gicc, GICC_EOIR, iar);
}
