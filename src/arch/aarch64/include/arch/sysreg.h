/*
 * sysreg.h - AArch64 system registers: accessors and the bits this port uses.
 * The constants are also used by the .S files, so they avoid C-only syntax
 * outside the __ASSEMBLER__ guard.
 */
#ifndef ARCH_SYSREG_H
#define ARCH_SYSREG_H

#ifdef __ASSEMBLER__
#define UL(x) x
#else
#define UL(x) x##ul
#endif

/* SCTLR_EL1: bits 11, 20, 22, 23, 28 and 29 are RES1 in ARMv8.0. */
#define SCTLR_RES1      UL(0x30d00800)
#define SCTLR_M         (1 << 0)        /* MMU on */
#define SCTLR_C         (1 << 2)        /* data caches on */
#define SCTLR_SA        (1 << 3)        /* EL1 stack alignment check */
#define SCTLR_I         (1 << 12)       /* instruction cache on */
#define SCTLR_MMU_OFF   SCTLR_RES1
#define SCTLR_MMU_ON    (SCTLR_RES1 | SCTLR_M | SCTLR_C | SCTLR_SA | SCTLR_I)

/* Dropping from EL2 to EL1. */
#define HCR_RW          (1 << 31)       /* EL1 runs AArch64 */
#define CNTHCTL_EL1PCTEN (1 << 0)       /* EL1 may read the physical counter */
#define CNTHCTL_EL1PCEN (1 << 1)        /* EL1 may use the physical timer */
#define CPTR_EL2_RES1   0x33ff          /* and TFP clear: no FP/SIMD trap to EL2 */
#define SPSR_EL1H_MASKED 0x3c5          /* EL1 on SP_EL1, D, A, I, F masked */
#define SPSR_EL_MASK    0xc             /* SPSR.M[3:2]: the EL the trap came from */

/* Generic timer control (CNTV_CTL_EL0). */
#define CNT_CTL_ENABLE  (1 << 0)
#define CNT_CTL_IMASK   (1 << 1)

/* PMU: the cycle counter. */
#define PMCR_E          (1 << 0)        /* counters on */
#define PMCR_C          (1 << 2)        /* reset the cycle counter */
#define PMCR_LC         (1 << 6)        /* the cycle counter overflows at 64 bits */
#define PMCNTEN_C       (1u << 31)      /* the cycle counter's enable bit */
#define PMUSERENR_CR    (1 << 2)        /* EL0 may read the cycle counter */
#define CNTKCTL_EL0VCTEN (1 << 1)       /* EL0 may read CNTVCT_EL0 */
#define CNTKCTL_EL0PTEN  (1 << 9)       /* EL0 may use the physical timer (a device for tests) */

#ifndef __ASSEMBLER__
#include <stdint.h>

#define read_sysreg(reg) ({ \
	uint64_t v_; \
	__asm__ volatile("mrs %0, " #reg : "=r"(v_)); \
	v_; })
#define write_sysreg(reg, v) \
	__asm__ volatile("msr " #reg ", %0" : : "r"((uint64_t)(v)) : "memory")

static inline void isb(void) { __asm__ volatile("isb" ::: "memory"); }
static inline void dsb_ishst(void) { __asm__ volatile("dsb ishst" ::: "memory"); }
#endif

#endif
