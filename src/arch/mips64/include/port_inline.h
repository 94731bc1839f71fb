/* port_inline.h - the mips64 port's inline hooks (declared in port.h). */
#ifndef PECAN_PORT_INLINE_H
#define PECAN_PORT_INLINE_H

#include "context.h"
#include "cp0.h"
#include "pagetable.h"
#include "trap_frame.h"

#define PORT_WORD_BITS 64
#define PORT_BIG_ENDIAN 1

/* The page rights the MMU enforces, for the KIP's PageInfo: w, and r with x
 * together (no RI/XI on MIPS64R2-generic).  See pagetable.h. */
#define PORT_NUM_IRQS 16        /* the PIIX4's i8259 lines */
#define PORT_PAGE_RIGHTS 6

/*
 * Physical memory is reached through xkphys, cached: unmapped like KSEG0,
 * but it covers every physical address, not only the low 512 MiB (malta
 * puts RAM above 256 MiB at physical 0x90000000 and up).  The kernel image
 * itself runs in KSEG0, so its own symbols stay 32-bit constants (-msym32).
 */
static inline void *port_phys_to_virt(paddr_t pa)
{
	return (void *)(XKPHYS_CACHED | pa);
}

/* va is a kernel address in KSEG0/KSEG1 (the image) or xkphys. */
static inline paddr_t port_virt_to_phys(const void *va)
{
	uintptr_t v = (uintptr_t)va;
	return v >= KSEG0_BASE ? (v & KSEG_PA_MASK) : (v & XKPHYS_PA_MASK);
}

static inline void port_irq_enable(void)
{
	__asm__ volatile("ei\n\tehb" ::: "memory");
}

static inline void port_irq_disable(void)
{
	__asm__ volatile("di\n\tehb" ::: "memory");
}

static inline word_t port_frame_ip(const struct trap_frame *f)
{
	return f->epc;
}

static inline void port_breakpoint(void)
{
	__asm__ volatile("break" ::: "memory");
}

/*
 * Count is 32 bits and wraps in tens of seconds, so the last value seen is
 * kept as 64 bits and a smaller reading means one wrap.  The timer interrupt
 * calls this every tick, so no wrap goes unseen.  If an interrupt updates
 * mips_count64 between our read and our write, we store an older but
 * consistent value; the next reader counts the same wrap again, correctly.
 * Note: Count is not one per instruction (QEMU: a fixed rate of virtual time).
 */
extern volatile uint64_t mips_count64;

static inline uint64_t port_cycles(void)
{
	uint64_t last = mips_count64;
	uint32_t now = cp0_count();
	uint64_t v = (last & ~0xfffffffful) | now;

	if (now < (uint32_t)last)
		v += 1ul << 32;
	mips_count64 = v;
	return v;
}

/* An interrupt that lands between ei and wait is taken at once, and wait
 * then sleeps until the next one: at worst one timer tick late. */
static inline void port_idle(void)
{
	__asm__ volatile("ei\n\tehb\n\twait" ::: "memory");
}

#endif
