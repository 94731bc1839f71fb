/* port_inline.h - the x86_64 port's inline hooks (declared in port.h). */
#ifndef PECAN_PORT_INLINE_H
#define PECAN_PORT_INLINE_H

#include "trap_frame.h"
#include "x86.h"

#define PORT_USER_END    0x0000800000000000ul   /* the canonical lower half */
#define PORT_BIG_ENDIAN  0
#define PORT_NUM_IRQS    16     /* the two i8259s' lines */
#define PORT_PAGE_RIGHTS 7      /* w and x apart (NX); r comes with either */

/* A user address space: its PML4 and PCID (0: none, flushed on every
 * switch), and the CR3 values that activate it, ready for the fast path. */
struct port_space {
	uint64_t *pml4;
	uint64_t cr3;           /* what the next activation loads: the PML4, the PCID, and the
				   no-flush bit unless the PCID may hold entries we removed */
	uint64_t cr3_kept;      /* what cr3 becomes once loaded: no-flush where tagged */
	uint16_t pcid;
	bool io_privilege;      /* SpaceControl bit 0: its threads run with IOPL 3 */
};

/* A thread's saved kernel stack pointer, while it is switched out. */
struct port_tcb {
	word_t ksp;
};

static inline void *port_phys_to_virt(paddr_t pa)
{
	return (void *)(DIRECT_MAP_BASE + pa);
}

static inline paddr_t port_virt_to_phys(const void *va)
{
	vaddr_t v = (vaddr_t)va;
	return v >= KERNEL_VBASE ? v - KERNEL_VBASE : v - DIRECT_MAP_BASE;
}

static inline void port_irq_enable(void)
{
	__asm__ volatile("sti" ::: "memory");
}

static inline void port_irq_disable(void)
{
	__asm__ volatile("cli" ::: "memory");
}

static inline word_t port_frame_ip(const struct trap_frame *f)
{
	return f->rip;
}

static inline void port_breakpoint(void)
{
	__asm__ volatile("int3" ::: "memory");
}

static inline uint64_t port_cycles(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* sti takes effect after the next instruction, so no interrupt can slip in
 * between the two and leave hlt sleeping through it. */
static inline void port_idle(void)
{
	__asm__ volatile("sti; hlt" ::: "memory");
}

#endif
