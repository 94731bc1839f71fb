/*
 * irq.h - interrupts as IPC.
 *
 * Each device line the port offers is an interrupt thread, (irq, 1) in
 * X.2's numbering.  ThreadControl(irq, irq, nil, handler, -1) attaches a
 * handler; when the line fires, the handler receives an IPC from the
 * interrupt thread (label -1, no words), and the line stays masked until
 * the handler sends to the interrupt thread (any message: X.2's "reply").
 */
#ifndef PECAN_IRQ_H
#define PECAN_IRQ_H

#include "tcb.h"

/* ThreadControl on an interrupt thread: attach `handler` (or detach, if
 * handler is the interrupt thread itself).  0 or the X.2 error. */
word_t irq_associate(word_t irq_thread, word_t handler);

/* Is t an interrupt thread?  The handler's message to it acknowledges the
 * interrupt: true if sender may do that (it is the handler), and the line
 * is unmasked. */
static inline bool irq_is_thread(const tcb_t *t) { return t->space == NULL && t->utcb; }
bool irq_acknowledge(tcb_t *irq_thread, tcb_t *sender);

#endif
