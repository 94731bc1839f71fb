/* pc.h - the devices of QEMU's `pc` board that the x86_64 port drives. */
#ifndef PECAN_PC_H
#define PECAN_PC_H

#include "pio.h"

#define PC_COM1 0x3f8
#define PC_DEBUG_EXIT 0xf4      /* QEMU's isa-debug-exit device */
#define PC_IRQ_TIMER 0          /* i8254 channel 0 */
#define PC_IRQ_CASCADE 2        /* the slave i8259 */
#define PC_IRQ_SPURIOUS_MASTER 7
#define PC_IRQ_SPURIOUS_SLAVE 15

extern const struct pio pc_pio; /* in/out instructions */

void pc_pic_init(void);         /* i8259s at TRAP_IRQ_BASE, all lines masked */
void pc_irq_ack(unsigned irq);  /* end of interrupt for line irq */

#endif
