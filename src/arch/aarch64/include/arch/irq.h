/* irq.h - what the glue's trap dispatcher needs from the interrupt
 * controller and the timer, without knowing which ones the board has. */
#ifndef ARCH_IRQ_H
#define ARCH_IRQ_H

#include <stdint.h>
#include "virt.h"

#define ARM_IRQ_NONE    (~0u)
#define ARM_TIMER_IRQ   TIMER_VIRT_IRQ

unsigned arm_irq_ack(void);             /* the pending interrupt's number, or ARM_IRQ_NONE */
void arm_irq_eoi(unsigned irq);         /* the handler is done with irq */
void arm_timer_rearm(void);             /* set the timer for the next tick */

#endif
