/*
 * malta.h - QEMU's malta board, as the mips64 port uses it.
 *
 * The PIIX4 south bridge carries the PC's devices (16550, 8259 pair, 8254)
 * at their usual I/O port numbers.  The GT-64120 system controller maps
 * that I/O space at physical 0x18000000, which the kernel reaches through
 * KSEG1 (unmapped, uncached).
 */
#ifndef PECAN_MALTA_H
#define PECAN_MALTA_H

#include "pio.h"
#include "types.h"

#define MALTA_ISA_IO    0xffffffffb8000000ul    /* KSEG1 view of I/O port 0 */
#define MALTA_SOFTRES   0xffffffffbf000500ul    /* board software reset register */
#define MALTA_SOFTRES_RESET 0x42
#define MALTA_COM1      0x3f8

/* RAM: up to 256 MiB at physical 0 (below the I/O hole at 0x10000000);
 * QEMU maps all of it again at 0x80000000, the only place beyond 256 MiB. */
#define MALTA_LOW_RAM_MAX 0x10000000ul
#define MALTA_ISA_IO_PHYS 0x18000000ul          /* the PIIX4's I/O ports, physical */
#define MALTA_IRQ_LINE  2                       /* Cause.IP2: the i8259 pair's output */

#define MALTA_HIGH_RAM  0x80000000ul
/* Physical addresses between RAM's two parts are the board's devices:
 * mapped uncached. */
static inline bool malta_is_device(paddr_t pa)
{
	return pa >= MALTA_LOW_RAM_MAX && pa < MALTA_HIGH_RAM;
}

extern const struct pio malta_pio;              /* PIIX4 I/O ports */
int malta_irq_take(void);       /* the i8259 line asking (masked, acknowledged), or -1 */

/* entry.S passes the loader's a0..a3 here, before anything else runs. */
void malta_boot_args(long argc, long argv, long envp, unsigned long memsize);

/* The PIIX4's 8259 pair, every line masked. */
void malta_pic_init(void);

#endif
