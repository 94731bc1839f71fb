/* i8259.h - the pair of 8259A interrupt controllers of the PC and PIIX4. */
#ifndef PECAN_I8259_H
#define PECAN_I8259_H

#include <stdbool.h>
#include "pio.h"

/* Initialise both controllers: lines 0-7 raise vector base, 8-15 vector
 * base+8, edge-triggered, all lines masked. */
void i8259_init(const struct pio *io, uint8_t vector_base);

void i8259_mask(const struct pio *io, unsigned irq);
void i8259_unmask(const struct pio *io, unsigned irq);

/* Tell the controller(s) that irq has been handled. */
void i8259_eoi(const struct pio *io, unsigned irq);

/* The line that is asking for service, from the in-service register after
 * a poll; -1 if none (a spurious interrupt).  For boards (malta) whose CPU
 * sees only the controller's output line. */
int i8259_pending(const struct pio *io);

#endif
