/*
 * context.h - what the mips64 trap entry and thread switch keep per CPU,
 * and the thread switch itself (switch.S).
 */
#ifndef PECAN_CONTEXT_H
#define PECAN_CONTEXT_H

#include "types.h"

struct trap_frame;

/* A thread's port state, inside its TCB. */
struct port_tcb {
	word_t ksp;             /* saved kernel sp while switched out (switch.S); 0: blocked
				   by the IPC fast path, resumes in ipc_fastpath_resume() */
};

/* What mips_switch leaves on a switched-out thread's kernel stack. */
struct switch_frame {
	word_t s[8];            /* s0-s7 */
	word_t s8, gp, ra;
	word_t pad;             /* keeps sp 16-byte aligned (n64) */
};

/*
 * What the trap entry, the TLB refill and the IPC fast path read and write
 * on every switch, in one block (cpu.c): one CPU, so one block; with SMP
 * there would be one per CPU.  Assembly reaches every field with a single
 * lui %hi(mips_cpu) and %lo(mips_cpu + CPU_field): the block is 64-byte
 * aligned and smaller than that, so no field crosses a %hi boundary.
 */
struct pt_root;
struct mips_cpu {
	word_t kstack_top;              /* current thread's kernel stack top: trap_save from user mode */
	word_t utcb;                    /* current thread's UTCB pointer, for rdhwr $29 */
	struct pt_root *pt_root;        /* the active space's root: the refill walks it (tlb.c) */
	uint64_t asid_last;             /* the last ASID handed out (tlb.c) */
	word_t userlocal;               /* 1: the CPU has UserLocal (Config3.ULRI) */
} __attribute__((aligned(64)));
extern struct mips_cpu mips_cpu;

/* Make utcb what user mode reads with rdhwr $3, $29: UserLocal if the CPU
 * has it, else the emulation in vectors.S reads mips_cpu.utcb. */
void mips_set_utcb(word_t utcb);

/* switch.S: save the callee-saved registers on the current stack, store sp
 * in *from_ksp, and resume the context saved at to_ksp. */
void mips_switch(word_t *from_ksp, word_t to_ksp);

/* switch.S: where a new thread's first mips_switch returns to; it calls
 * the entry function left in s0 (never returns). */
void mips_thread_start(void);

/* switch.S: leave the kernel through the trap frame f (vectors.S). */
NORETURN void mips_return_to_user(struct trap_frame *f);

#endif
