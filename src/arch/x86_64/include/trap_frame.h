/* trap_frame.h - what the x86_64 trap entry saves on the kernel stack.
 * Lowest address first: the general registers pushed by vectors.S, the
 * vector number and error code, then what the CPU pushed itself. */
#ifndef PECAN_TRAP_FRAME_H
#define PECAN_TRAP_FRAME_H

#include "types.h"

struct trap_frame {
	/* The general registers.  Those a system call preserves come last
	 * (highest), nearest the top of the kernel stack, where the fast
	 * path (glue/x86_64/fastpath.S) reaches them with short offsets. */
	word_t r11, r10, rdi, rcx, rax;
	word_t r15, r14, r13, r12, r9, r8, rbp, rsi, rdx, rbx;
	word_t vector;          /* pushed by the vector's stub */
	word_t error;           /* by the CPU, or 0 from the stub */
	word_t rip, cs, rflags, rsp, ss;        /* by the CPU */
};

/* vectors.S pushes 15 registers, then the stub's two words. */
_Static_assert(__builtin_offsetof(struct trap_frame, vector) == 15 * 8, "trap frame layout");
_Static_assert(__builtin_offsetof(struct trap_frame, rip) == 17 * 8, "trap frame layout");

#define TRAP_IRQ_BASE 32        /* the i8259's lines 0-15 raise vectors 32-47 */

#endif
