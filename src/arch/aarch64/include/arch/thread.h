/*
 * thread.h - what a thread switch saves: the kernel context of a thread
 * that is not running (struct port_tcb, inside its TCB), switched by
 * arm_context_switch() in switch.S.  Offsets reach the assembly through
 * asm-offsets.c.  All of a thread's user state, TPIDR_EL0 included, is in
 * its user frame (arch/frame.h), not here.
 */
#ifndef ARCH_THREAD_H
#define ARCH_THREAD_H

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_frame;

struct port_tcb {
	/* The AAPCS64 callee-saved registers, valid while switched out. */
	uint64_t x19[10];       /* x19-x28 */
	uint64_t fp;            /* x29 */
	uint64_t lr;            /* x30: where arm_context_switch returns */
	uint64_t sp;            /* the kernel stack pointer */
};

/* Save the caller's context in from, resume the one in to. */
void arm_context_switch(struct port_tcb *from, struct port_tcb *to);

/* Make the first arm_context_switch to c call entry() on the stack ending
 * at stack_top (16-byte aligned); entry must not return. */
void arm_context_init(struct port_tcb *c, void *stack_top, void (*entry)(void));

/* Load the registers in f (a user frame at the top of the current kernel
 * stack) and eret to them. */
__attribute__((noreturn)) void arm_return_to_user(struct trap_frame *f);
#endif

#endif
