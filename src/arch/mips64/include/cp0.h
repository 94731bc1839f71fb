/*
 * cp0.h - MIPS64 coprocessor 0: register numbers, bit fields, accessors.
 *
 * Usable from C and from .S files.  Field names follow the MIPS64
 * Privileged Resource Architecture (PRA) manual.
 */
#ifndef PECAN_CP0_H
#define PECAN_CP0_H

/* Status (CP0 register 12, select 0) */
#define ST_IE           0x00000001      /* interrupts enabled */
#define ST_EXL          0x00000002      /* exception level: set by every exception */
#define ST_ERL          0x00000004      /* error level: set at reset, NMI, cache error */
#define ST_KSU          0x00000018      /* mode when EXL=ERL=0: 0 kernel, 2 user */
#define ST_KSU_USER     0x00000010
#define ST_UX           0x00000020      /* 64-bit user segment (xuseg) */
#define ST_KX           0x00000080      /* 64-bit kernel segments (xkphys, xkseg) */
#define ST_IM           0x0000ff00      /* interrupt mask, one bit per Cause.IP line */
#define ST_IM_SHIFT     8
#define ST_BEV          0x00400000      /* exception vectors in the boot ROM */
#define ST_CU1          0x20000000      /* FPU usable */

/* Cause (CP0 register 13) */
#define CAUSE_EXC_SHIFT 2
#define CAUSE_EXC_MASK  0x0000007c      /* ExcCode */
#define CAUSE_IP        0x0000ff00      /* pending interrupt lines IP0..IP7 */
#define CAUSE_IP_SHIFT  8
#define CAUSE_IV        0x00800000      /* interrupts use the special vector */
#define CAUSE_DC        0x08000000      /* Count stopped */
#define CAUSE_TI        0x40000000      /* timer interrupt pending */
#define CAUSE_BD        0x80000000      /* EPC is the branch before the faulting slot */

/* Cause.ExcCode values the kernel handles by name */
#define EXC_INT         0               /* interrupt */
#define EXC_MOD         1               /* store to a TLB entry with D=0 */
#define EXC_TLBL        2               /* TLB miss (EXL=1) or invalid entry, load or fetch */
#define EXC_TLBS        3               /* the same, store */
#define EXC_ADEL        4               /* address error: misaligned, or not this mode's segment */
#define EXC_ADES        5
#define EXC_SYS         8               /* syscall instruction */
#define EXC_BP          9               /* break instruction */
#define EXC_RI          10              /* reserved instruction */

/* Interrupt lines (Cause.IP / Status.IM bit numbers) */
#define IRQ_LINE_I8259  2               /* malta: the PIIX4's 8259 pair (HW0) */
#define IRQ_LINE_TIMER  7               /* Count/Compare (HW5), IntCtl.IPTI on R2 */

/* Config (CP0 register 16, select 0) */
#define CONF_K0         0x00000007      /* KSEG0 cache attribute */
#define CONF_K0_CACHED  3               /* cacheable, noncoherent, write-back */
#define CONF_AT_SHIFT   13              /* 0 MIPS32, 1 MIPS64 with 32-bit segments, 2 MIPS64 */
#define CONF_AR_SHIFT   10              /* 0 release 1, 1 release 2..5, 2 release 6 */
#define CONF_M          0x80000000      /* the next Config register exists */

/* Config1 (CP0 register 16, select 1) */
#define CONF1_MMU_SHIFT 25              /* TLB entries - 1 (6 bits) */
#define CONF1_FP        0x00000001      /* an FPU is present */

/* Config3 (CP0 register 16, select 3) */
#define CONF3_RXI       0x00001000      /* EntryLo RI/XI bits exist (PageGrain.RIE/XIE) */
#define CONF3_ULRI      0x00002000      /* the UserLocal register exists */

/* TLB registers */
#define INDEX_P         0x80000000      /* Index after tlbp: no match */
#define ENTRYHI_ASID    0xff            /* EntryHi: the 8-bit address-space ID */
#define ENTRYHI_VPN2    (~0x1ffful)     /* EntryHi: the virtual page pair */
#define HWRENA_BASIC    0x0000000f      /* rdhwr CPUNum, SYNCI_Step, CC, CCRes in user mode */
#define HWRENA_ULR      0x20000000      /* rdhwr UserLocal ($29) in user mode */

/* Segments of the 64-bit address space (sign-extended 32-bit ones last) */
#define XKPHYS_CACHED   0x9800000000000000ul    /* xkphys, cache attribute 3 */
#define XKPHYS_PA_MASK  0x07fffffffffffffful    /* below the attribute field */
#define KSEG0_BASE      0xffffffff80000000ul    /* unmapped, cached, 512 MiB */
#define KSEG1_BASE      0xffffffffa0000000ul    /* unmapped, uncached, same 512 MiB */
#define KSEG2_BASE      0xffffffffc0000000ul    /* mapped */
#define KSEG_PA_MASK    0x1ffffffful

#ifdef __ASSEMBLER__

#define C0_INDEX        $0
#define C0_ENTRYLO0     $2
#define C0_ENTRYLO1     $3
#define C0_BADVADDR     $8
#define C0_COUNT        $9
#define C0_COMPARE      $11
#define C0_STATUS       $12
#define C0_CAUSE        $13
#define C0_ENTRYHI      $10
#define C0_EPC          $14
#define C0_EBASE        $15, 1

#else

#include <stdint.h>

/* mfc0 sign-extends its 32-bit value, which is how GCC keeps 32-bit values
 * in 64-bit registers, so a uint32_t result needs no conversion.  Every
 * write ends with ehb: later instructions must see the new value (R2). */
#define CP0_READ(reg, sel) ({ \
	uint32_t v_; \
	__asm__ volatile("mfc0 %0, $" #reg ", " #sel : "=r"(v_)); \
	v_; })
#define CP0_WRITE(reg, sel, val) \
	__asm__ volatile("mtc0 %z0, $" #reg ", " #sel "\n\tehb" : : "Jr"((uint32_t)(val)) : "memory")
#define CP0_READ64(reg, sel) ({ \
	uint64_t v_; \
	__asm__ volatile("dmfc0 %0, $" #reg ", " #sel : "=r"(v_)); \
	v_; })
#define CP0_WRITE64(reg, sel, val) \
	__asm__ volatile("dmtc0 %z0, $" #reg ", " #sel "\n\tehb" : : "Jr"((uint64_t)(val)) : "memory")

static inline uint32_t cp0_count(void) { return CP0_READ(9, 0); }
static inline void cp0_set_compare(uint32_t v) { CP0_WRITE(11, 0, v); }
static inline uint32_t cp0_status(void) { return CP0_READ(12, 0); }
static inline void cp0_set_status(uint32_t v) { CP0_WRITE(12, 0, v); }
static inline uint32_t cp0_cause(void) { return CP0_READ(13, 0); }
static inline void cp0_set_cause(uint32_t v) { CP0_WRITE(13, 0, v); }
static inline uint32_t cp0_prid(void) { return CP0_READ(15, 0); }
static inline uint32_t cp0_ebase(void) { return CP0_READ(15, 1); }
static inline void cp0_set_ebase(uint32_t v) { CP0_WRITE(15, 1, v); }
static inline uint32_t cp0_config(void) { return CP0_READ(16, 0); }
static inline void cp0_set_config(uint32_t v) { CP0_WRITE(16, 0, v); }
static inline uint32_t cp0_config1(void) { return CP0_READ(16, 1); }
static inline uint32_t cp0_config3(void)
{
	/* Config3 exists only if Config1 and Config2 say another follows. */
	if (!(cp0_config1() & CONF_M) || !(CP0_READ(16, 2) & CONF_M))
		return 0;
	return CP0_READ(16, 3);
}

static inline unsigned cause_exc_code(uint64_t cause)
{
	return (cause & CAUSE_EXC_MASK) >> CAUSE_EXC_SHIFT;
}

/* The short PRA name of an ExcCode, e.g. "TLBL" or "AdES". */
const char *cp0_exc_name(unsigned code);

#endif /* __ASSEMBLER__ */

#endif
