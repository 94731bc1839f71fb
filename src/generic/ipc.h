/*
 * ipc.h - L4 IPC, the slow path: every case of X.2, written once in C.
 */
#ifndef PECAN_IPC_H
#define PECAN_IPC_H

#include "tcb.h"

/* ErrorCode TCR values: phase in bit 0, code in bits 1-3. */
#define IPC_PHASE_SEND 0
#define IPC_PHASE_RECV 1
#define IPC_ERR_TIMEOUT      1
#define IPC_ERR_NO_PARTNER   2
#define IPC_ERR_CANCELED     3
#define IPC_ERR_OVERFLOW     4
#define IPC_ERR_XFER_TO_SELF 5
#define IPC_ERR_XFER_TO_PEER 6
#define IPC_ERR_ABORTED      7

/* The message tag (MR0). */
#define TAG_U(tag)      ((tag) & 0x3f)
#define TAG_T(tag)      (((tag) >> 6) & 0x3f)
#define TAG_FLAG_P      (1ul << 12)        /* propagated: set by the sender */
#define TAG_FLAG_R      (1ul << 13)        /* redirected: set by the kernel */
#define TAG_FLAG_E      (1ul << 15)
#define TAG_LABEL(tag)  ((tag) >> 16)
#define TAG_MAKE(label, u, t) ((word_t)(label) << 16 | (word_t)(t) << 6 | (u))

/* Kernel-synthesised message labels: negative numbers shifted left 4,
 * sign-extended to the label's 48 bits. */
#define LABEL_KERNEL(n, low) ((((word_t)(n) << 4) | (low)) & 0xffffffffffff)
#define LABEL_PAGEFAULT(rwx) LABEL_KERNEL(-2, (rwx))
#define LABEL_SIGMA0         LABEL_KERNEL(-6, 0)
#define LABEL_EXCEPTION      LABEL_KERNEL(-5, 0)

/*
 * Ipc(to, FromSpecifier, Timeouts) for thread self (the caller), with MR0
 * already in its UTCB.  Returns `from`; leaves MR0, the MRs and the
 * ErrorCode TCR in self's UTCB.  May block.
 */
word_t ipc(tcb_t *self, word_t to, word_t from_spec, word_t timeouts);

/*
 * A kernel-synthesised call from t to `to` (page faults, and later
 * exceptions): MR0..MR`words` must be set up; the caller saves and restores
 * what the interrupted thread had.  Returns false if the IPC failed.
 */
bool ipc_kernel_call(tcb_t *t, word_t to, word_t timeouts);

/* The X.2 page-fault IPC for t at addr (access: L4 rights) to its pager,
 * with the given IPC timeouts (0: never); sigma0's own faults are mapped
 * 1:1 instead.  MR0-MR2, BR0 and ErrorCode are kept.  False if nobody
 * answered (in time). */
bool page_fault_ipc(tcb_t *t, word_t addr, unsigned access, word_t ip, word_t timeouts);

/* The port's fast path runs only while this is true (docs/fastpath.md):
 * the boot option pecan.nofastpath and L4_KDEBUG_FASTPATH clear it.  A
 * kernel built with -DPECAN_FASTPATH=OFF has no fast path at all. */
extern bool ipc_fastpath_on;

/* IPCs the fast path has done (it counts them itself): L4_KDEBUG_STAT_FASTPATH. */
extern word_t ipc_fastpath_count;

/*
 * The kernel continuation of a thread that the port's fast path blocked in
 * its receive phase (docs/fastpath.md): a partner completed or failed its
 * IPC through the slow path; return the results to user mode as Ipc does.
 */
NORETURN void ipc_fastpath_resume(void);

/* Cancel t's IPC (ExchangeRegisters, deletion): error `code` in the phase
 * t is in.  Returns the state t was in. */
enum thread_state ipc_cancel(tcb_t *t, word_t code);

/* A kernel send from s that never blocks (interrupts): into r's waiting
 * receive, or into r's send queue until r receives it. */
void ipc_deliver(tcb_t *s, tcb_t *r);

/* t is going away: wake everyone blocked sending to it with error 2. */
void ipc_flush_senders(tcb_t *t);

#endif
