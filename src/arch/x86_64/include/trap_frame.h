/* trap_frame.h - what the x86_64 trap entry saves on the kernel stack.
 * Lowest address first: the general registers pushed by vectors.S, the
 * vector number and error code, then what the CPU pushed itself. */
#ifndef PECAN_TRAP_FRAME_H
#define PECAN_TRAP_FRAME_H

#include "types.h"

struct trap_frame {
	word_t r15, r14, r13, r12, r11, r10, r9, r8;
	word_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	word_t vector;          /* pushed by the vector's stub */
	word_t error;           /* by the CPU, or 0 from the stub */
	word_t rip, cs, rflags, rsp, ss;        /* by the CPU */
};

/* vectors.S pushes 15 registers, then the stub's two words. */
_Static_assert(__builtin_offsetof(struct trap_frame, vector) == 15 * 8, "trap frame layout");
_Static_assert(__builtin_offsetof(struct trap_frame, rip) == 17 * 8, "trap frame layout");

#define TRAP_IRQ_BASE 32        /* the i8259's lines 0-15 raise vectors 32-47 */

#endif
