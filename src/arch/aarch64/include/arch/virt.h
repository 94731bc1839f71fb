/* virt.h - QEMU's `virt` board: where its devices are (hw/arm/virt.c), and
 * the generic timer's interrupt.  RAM and the command line come from the
 * device tree instead. */
#ifndef ARCH_VIRT_H
#define ARCH_VIRT_H

#define VIRT_GICD       0x08000000      /* GICv2 distributor */
#define VIRT_GICC       0x08010000      /* GICv2 CPU interface */
#define VIRT_UART       0x09000000      /* PL011 */

/* The EL1 virtual timer is PPI 11, which the GIC numbers 16 + 11. */
#define TIMER_VIRT_IRQ  27

#endif
