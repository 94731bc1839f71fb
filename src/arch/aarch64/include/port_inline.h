/* port_inline.h - the AArch64 port's hot, tiny hooks (see port.h). */
#ifndef PORT_INLINE_H
#define PORT_INLINE_H

#include "arch/frame.h"
#include "arch/mmu.h"
#include "arch/space.h"         /* struct port_space, PORT_USER_END */
#include "arch/thread.h"        /* struct port_tcb */

#define PORT_WORD_BITS  64
#define PORT_BIG_ENDIAN 0
#define PORT_NUM_IRQS   256     /* GIC interrupt IDs up to SYSTEM_BASE; 16-255 are devices' */
#define PORT_PAGE_RIGHTS 7      /* r, w and x apart: AP and UXN (no read-less pages, as on every MMU) */

/* RAM is direct-mapped at KERNEL_VBASE (see arch/mmu.h). */
static inline void *port_phys_to_virt(paddr_t pa)
{
	return (void *)(uintptr_t)(pa + KERNEL_VBASE);
}

static inline paddr_t port_virt_to_phys(const void *va)
{
	return (uintptr_t)va - KERNEL_VBASE;
}

/* DAIF.I masks IRQs; the other DAIF bits are left as they are. */
static inline void port_irq_enable(void)
{
	__asm__ volatile("msr daifclr, #2" ::: "memory");
}

static inline void port_irq_disable(void)
{
	__asm__ volatile("msr daifset, #2" ::: "memory");
}

static inline word_t port_frame_ip(const struct trap_frame *f)
{
	return f->elr;
}

/* brk leaves ELR at itself; the trap path steps over it. */
static inline void port_breakpoint(void)
{
	__asm__ volatile("brk #0" ::: "memory");
}

/* PMCCNTR_EL0, enabled by port_cpu_init(). */
static inline uint64_t port_cycles(void)
{
	uint64_t c;

	__asm__ volatile("mrs %0, pmccntr_el0" : "=r"(c) :: "memory");
	return c;
}

/* WFI wakes on a pending interrupt even while DAIF.I masks it, so waiting
 * first and unmasking after loses no wake-up when called with IRQs off. */
static inline void port_idle(void)
{
	__asm__ volatile("wfi\n\tmsr daifclr, #2" ::: "memory");
}

#endif
