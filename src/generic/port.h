/*
 * port.h - the port contract.
 *
 * This is everything the generic kernel needs from a CPU port, and everything
 * a port may call in the generic kernel.  A port implements the first half in
 * src/arch/<port> (hardware) and src/glue/<port> (where L4 meets the CPU).
 * Hot, tiny hooks are `static inline` in the port's <port_inline.h>, which the
 * build finds on the include path; they are declared here so that this file
 * stays the one list, and a port that forgets one fails to compile.
 *
 * Generic code includes this header and never tests an architecture macro.
 * <port_inline.h> also defines four constants: PORT_USER_END (the first
 * address above user space), PORT_BIG_ENDIAN (0 or 1), PORT_PAGE_RIGHTS
 * (the L4 rights bits the MMU can keep apart, for the KIP) and
 * PORT_NUM_IRQS (interrupt lines, i.e. interrupt threads 0..n-1; at most
 * SYSTEM_BASE).
 */
#ifndef PECAN_PORT_H
#define PECAN_PORT_H

#include "types.h"

struct mem_map;
struct trap_frame;      /* the registers saved on a trap; defined by the port */
struct port_space;      /* a page table and its address-space tag; defined by the port */
struct port_tcb;        /* a thread's port state, inside its TCB; defined by the port */
struct tcb;             /* a thread control block (tcb.h) */

/* ---- What a port provides ------------------------------------------- */

/* Boot and memory map */
extern const char port_name[];                  /* the port's name, e.g. "x86_64" */
void port_cpu_init(void);                       /* finish CPU setup the kernel relies on (runs once, early) */
const char *port_cpu_name(void);                /* a human-readable CPU model */
const char *port_cmdline(void);                 /* the kernel command line from the loader, or "" */
void port_memory_map(struct mem_map *map);      /* RAM from the loader/firmware, plus regions to keep (kernel, boot data) */
struct boot_module;
unsigned port_boot_modules(struct boot_module *mods, unsigned max);
                                                /* the boot modules, sigma0 first, then the root server; returns how many */
static inline void *port_phys_to_virt(paddr_t pa);      /* kernel address of physical memory (RAM in the map) */
static inline paddr_t port_virt_to_phys(const void *va); /* inverse of port_phys_to_virt */

/* Console */
void port_console_init(void);                   /* make port_console_putc work; called first of all */
void port_console_putc(char c);                 /* write one byte to the kernel console, polling */

/* Interrupts and timer */
void port_trap_init(void);                      /* install trap vectors and the interrupt controller, device lines masked */
void port_timer_init(unsigned hz);              /* start a periodic interrupt that calls timer_tick() hz times a second */
bool port_irq_line_valid(unsigned irq);         /* may a user handler attach to line irq (< PORT_NUM_IRQS)? */
void port_irq_line_mask(unsigned irq);          /* mask device line irq at the interrupt controller */
void port_irq_line_unmask(unsigned irq);        /* unmask it */
static inline void port_irq_enable(void);       /* let interrupts in on this CPU */
static inline void port_irq_disable(void);      /* keep interrupts out on this CPU */

/* Trap frames.  A thread's user registers are a trap frame at the top of
 * its kernel stack, saved on every entry from user mode. */
void port_frame_dump(const struct trap_frame *f);          /* print every register saved in f */
static inline word_t port_frame_ip(const struct trap_frame *f); /* the instruction pointer saved in f */
word_t port_frame_sp(const struct trap_frame *f);          /* the stack pointer saved in f */
word_t port_frame_flags(const struct trap_frame *f);       /* the user-visible flags saved in f */
void port_frame_set_ip(struct trap_frame *f, word_t ip);
void port_frame_set_sp(struct trap_frame *f, word_t sp);
void port_frame_set_flags(struct trap_frame *f, word_t flags); /* only the bits user mode may change */
struct trap_frame *port_user_frame(struct tcb *t);         /* t's saved user registers */
void port_frame_set_ipc_results(struct trap_frame *f, word_t from, word_t tag);
                                                /* put an Ipc's results (from, MR0) where the ABI returns them */
unsigned port_exception_message(const struct trap_frame *f, word_t *mr);
                                                /* a user exception as IPC: fill MR1.. (mr[0] is MR1) in the
                                                   port's format (docs/api.md); returns how many words */
void port_exception_reply(struct trap_frame *f, const word_t *mr, unsigned n);
                                                /* load the handler's reply, n words in that format, into f */

/* Threads.  The TCB holds `struct port_tcb arch`; the kernel stack is the
 * top of the TCB's KTCB_SIZE block (tcb_kstack_top()). */
void port_thread_init(struct tcb *t, void (*entry)(void));
                                                /* prepare t's kernel stack so that the first switch to t runs
                                                   entry(), which never returns; t's user frame becomes a fresh
                                                   user-mode frame with IP and SP 0 */
void port_thread_switch(struct tcb *from, struct tcb *to);
                                                /* save from's kernel context and resume to's, activating to's
                                                   space and UTCB pointer if to has them; returns when from runs again */
NORETURN void port_return_to_user(struct tcb *t); /* leave the kernel into t's user frame (t is current) */

/* Debugging */
static inline void port_breakpoint(void);       /* execute the CPU's breakpoint instruction; the trap path calls
                                                   kdebug_breakpoint() and resumes after the instruction */

/* Cycle counter */
static inline uint64_t port_cycles(void);       /* free-running cycle counter (guest instructions under -icount) */

/* Address spaces: user pages are 4 KiB; rights are L4's (4 = r, 2 = w, 1 = x).
 * User addresses run from 0 to PORT_USER_END (from <port_inline.h>).
 * The kernel's own mappings are in every space and cannot be touched here. */
bool port_space_init(struct port_space *s);     /* an empty user half; false if out of memory */
void port_space_free(struct port_space *s);     /* free the page tables (not the frames mapped) */
bool port_space_map(struct port_space *s, vaddr_t va, paddr_t pa, unsigned rights);
                                                /* map one user page, replacing any old entry; false if out of memory */
unsigned port_space_protect(struct port_space *s, vaddr_t va, unsigned rights);
                                                /* cut an entry's rights to `rights` (0 removes it) and flush
                                                   its TLB entry; returns the referenced/written status (4/2) */
bool port_space_lookup(struct port_space *s, vaddr_t va, paddr_t *pa, unsigned *rights);
                                                /* the user page at va, if mapped: its frame's address
                                                   (a port may add va's offset in the page) and rights */
void port_space_activate(struct port_space *s); /* make s the current user space, keeping tagged TLB entries */
word_t port_space_control(struct port_space *s, word_t control);
                                                /* SpaceControl's architecture bits (~0: change none); returns the old */

/* Idle and power */
static inline void port_idle(void);             /* wait for the next interrupt; interrupts are enabled on return */
NORETURN void port_poweroff(bool success);      /* stop the machine; QEMU exits with the port's success/failure status */

/* ---- What the generic kernel provides to a port ---------------------- */

NORETURN void kernel_main(void);                /* the port's boot code calls this once, on a kernel stack, bss cleared */
void timer_tick(void);                          /* the timer interrupt handler calls this once per tick */
void kernel_syscall(word_t number, word_t args[7]);
                                                /* a system call by current: the ABI's 7 argument registers in,
                                                   its 7 result registers out (docs/api.md) */
void kernel_page_fault(word_t addr, unsigned access, word_t ip);
                                                /* current faulted in user mode; access = L4 rights (r=4 w=2 x=1) */
void kernel_user_exception(const struct trap_frame *f, const char *what);
                                                /* current took another exception in user mode */
void kernel_preempt_point(void);                /* on every way back to user mode: maybe run another thread */
void kernel_interrupt(unsigned irq);            /* device line irq fired: the port has masked it and
                                                   acknowledged it at the controller */
void kdebug_breakpoint(const struct trap_frame *f); /* a breakpoint trapped in kernel mode */
NORETURN void panic_frame(const struct trap_frame *f, const char *fmt, ...) PRINTF_LIKE(2, 3);
                                                /* an unexpected trap: print, dump f, power off with failure */

#include <port_inline.h>

#endif
