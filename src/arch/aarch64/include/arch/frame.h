/*
 * frame.h - the trap frame, and the sixteen AArch64 exception vectors.
 * vectors.S saves a struct trap_frame on the kernel stack for every trap;
 * its offsets reach the assembly through the generated <asm-offsets.h>.
 */
#ifndef ARCH_FRAME_H
#define ARCH_FRAME_H

/* Vector kinds, in table order: (source << 2) | type. */
#define VEC_SYNC        0
#define VEC_IRQ         1
#define VEC_FIQ         2
#define VEC_SERROR      3
#define VEC_EL1T        (0 << 2)        /* from EL1 on SP_EL0: never used */
#define VEC_EL1H        (1 << 2)        /* from the kernel */
#define VEC_EL0_64      (2 << 2)        /* from user mode, AArch64 */
#define VEC_EL0_32      (3 << 2)        /* from user mode, AArch32: not supported */

/* ESR_EL1 exception classes that the port looks at. */
#define ESR_EC(esr)     (((esr) >> 26) & 0x3f)
#define EC_SVC64        0x15
#define EC_IABT_EL0     0x20
#define EC_IABT_EL1     0x21
#define EC_DABT_EL0     0x24
#define EC_DABT_EL1     0x25
#define EC_BRK64        0x3c

/* SPSR_EL1 as saved on a trap. */
#define SPSR_NZCV       0xf0000000      /* the condition flags: all user mode may change */
#define SPSR_EL0T       0               /* EL0, AArch64, D, A, I and F unmasked */

/* ESR_EL1 ISS fields of aborts (EC_IABT_*, EC_DABT_*). */
#define ESR_FSC(esr)    ((esr) & 0x3f)  /* fault status code: type << 2 | level */
#define FSC_TRANSLATION 0x04            /* 0x04-0x07: no entry at level 0-3 */
#define FSC_ACCESS_FLAG 0x08            /* 0x08-0x0b: AF = 0 */
#define FSC_PERMISSION  0x0c            /* 0x0c-0x0f: AP or XN forbid it */
#define FSC_TYPE(esr)   (ESR_FSC(esr) & 0x3c)
#define ESR_WNR         (1 << 6)        /* data aborts: the access was a write */
#define ESR_SVC_IMM(esr) ((esr) & 0xffff)
#define ESR_IL          (1 << 25)       /* a 32-bit instruction trapped */
#define ESR_SVC0        ((EC_SVC64 << 26) | ESR_IL)     /* the whole ESR of svc #0 */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_frame {
	uint64_t x[31];         /* x0-x30 */
	uint64_t sp;            /* the interrupted stack pointer (SP_EL0 if from EL0) */
	uint64_t tpidr;         /* the user's TPIDR_EL0 (its own thread pointer) */
	uint64_t elr;           /* where to return: the trapping or next instruction */
	uint64_t spsr;          /* the interrupted PSTATE */
	uint64_t esr;           /* why (synchronous traps only) */
	uint64_t far;           /* the faulting address (aborts only) */
	uint64_t pad;           /* the kernel stack stays 16-byte aligned */
};

const char *arm_ec_name(unsigned ec);          /* "data abort (same EL)", ... */
const char *arm_vector_name(unsigned kind);     /* "IRQ from EL1h", ... */
#endif

#endif
