/*
 * irq.c - interrupt threads (see irq.h).
 *
 * An interrupt thread is a TCB without a space that never runs: it only
 * ever "sends" its one message, by sitting in its handler's send queue
 * like a blocked sender, or by completing the handler's waiting receive.
 * Its tiny UTCB holds that message (MR0) and the error word.
 */
#include "ipc.h"
#include "irq.h"
#include "kprintf.h"
#include "port.h"
#include "syscall.h"
#include <l4/abi.h>

struct irq_line {
	tcb_t *thread;                  /* the interrupt thread, while attached */
	word_t handler;                 /* its handler's global ID */
	word_t utcb[17];                /* its UTCB: words -16 .. 0 */
};

static struct irq_line lines[PORT_NUM_IRQS];

word_t irq_associate(word_t irq_thread, word_t handler)
{
	word_t irq = tid_no(irq_thread);

	if (irq >= PORT_NUM_IRQS || tid_version(irq_thread) != 1 || !port_irq_line_valid(irq))
		return ERR_INVALID_THREAD;
	struct irq_line *l = &lines[irq];
	if (handler == irq_thread) {            /* detach: the line goes quiet */
		port_irq_line_mask(irq);
		if (l->thread)
			tcb_destroy(l->thread);
		l->thread = NULL;
		l->handler = NILTHREAD;
		return 0;
	}
	if (!tcb_lookup(handler))
		return ERR_INVALID_THREAD;
	if (!l->thread) {
		l->thread = tcb_create(irq_thread, NULL, NILTHREAD);
		if (!l->thread)
			return ERR_NO_MEMORY;
		l->thread->utcb = &l->utcb[16];
		l->thread->utcb[0] = TAG_MAKE(LABEL_KERNEL(-1, 0), 0, 0);
	}
	l->handler = handler;
	port_irq_line_unmask(irq);
	return 0;
}

void kernel_interrupt(unsigned irq)
{
	struct irq_line *l = irq < PORT_NUM_IRQS ? &lines[irq] : NULL;
	tcb_t *handler = l && l->thread ? tcb_lookup(l->handler) : NULL;

	if (!handler)
		return;         /* nobody to tell: the line stays masked */
	l->thread->utcb[0] = TAG_MAKE(LABEL_KERNEL(-1, 0), 0, 0);
	ipc_deliver(l->thread, handler);
}

bool irq_acknowledge(tcb_t *t, tcb_t *sender)
{
	struct irq_line *l = &lines[tid_no(t->id)];

	if (sender->id != l->handler)
		return false;
	port_irq_line_unmask(tid_no(t->id));
	return true;
}
