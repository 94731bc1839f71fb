/* context.c - a new thread's first kernel context (see switch.S). */
#include "arch/thread.h"
#include "panic.h"
#include "string.h"

void arm_thread_start(void);            /* switch.S */
void arm_thread_returned(void);

void arm_context_init(struct port_tcb *c, void *stack_top, void (*entry)(void))
{
	memset(c, 0, sizeof(*c));
	c->x19[0] = (uintptr_t)entry;
	c->lr = (uintptr_t)arm_thread_start;
	c->sp = (uintptr_t)stack_top;
}

void arm_thread_returned(void)
{
	panic("a kernel thread's entry function returned");
}
