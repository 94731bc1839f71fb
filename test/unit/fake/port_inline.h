/* The fake port's inline hooks, for host unit tests: physical memory is the
 * test's own memory, so the direct map is the identity. */
#ifndef FAKE_PORT_INLINE_H
#define FAKE_PORT_INLINE_H

/* A fake page table: the "hardware" entries live in a table in fake_port.c,
 * keyed by this structure's address. */
struct port_space {
	unsigned id;            /* for messages only */
	bool live;              /* between port_space_init and port_space_free */
};

/* Like x86_64: a 47-bit user half. */
#define PORT_USER_END ((vaddr_t)1 << 47)
#define PORT_NUM_IRQS 16

/* A thread's port state: nothing, on the host. */
struct port_tcb {
	word_t ksp;
};

static inline void *port_phys_to_virt(paddr_t pa) { return (void *)(uintptr_t)pa; }
static inline paddr_t port_virt_to_phys(const void *va) { return (uintptr_t)va; }
static inline void port_irq_enable(void) {}
static inline void port_irq_disable(void) {}
static inline word_t port_frame_ip(const struct trap_frame *f) { (void)f; return 0; }
static inline void port_breakpoint(void) {}
static inline uint64_t port_cycles(void) { return 0; }
static inline void port_idle(void) {}

#endif
