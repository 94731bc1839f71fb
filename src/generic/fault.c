/*
 * fault.c - what happens when a user thread faults or is preempted.
 *
 * A page fault becomes the X.2 page-fault IPC to the thread's pager: a call
 * with label -2 (and the access's rwx), MR1 = the address, MR2 = the IP,
 * and the whole address space as the receive window.  The pager answers
 * with a map or grant item and the thread retries.  MR0-MR2 and BR0 are
 * saved around it, so an interrupted thread's own message is not lost.
 * sigma0 has no pager: the kernel maps its 1:1 view itself.
 */
#include "ipc.h"
#include "kprintf.h"
#include "sched.h"
#include "space.h"
#include "timeout.h"
#include <l4/abi.h>

/* t cannot go on: say why and stop it where it is. */
static void halt_thread(tcb_t *t, const char *why, word_t addr, word_t ip)
{
	kprintf("pecan: thread %lx halted: %s (address %lx, ip %lx)\n",
		t->id, why, addr, ip);
	t->halted = true;
	sched_block(t, TS_READY);
	sched_switch();
}

#define EXC_WORDS_MAX 48

/*
 * What an IPC the kernel makes for a thread overwrites in its UTCB: MR0 to
 * MRn, BR0 and ErrorCode.  Kept around the call, so that a message of the
 * thread's own, interrupted by the fault, is not lost.
 */
struct utcb_keep {
	unsigned n;
	word_t mr[EXC_WORDS_MAX + 1];
	word_t br0, error;
};

static void utcb_keep(const tcb_t *t, struct utcb_keep *k, unsigned n)
{
	k->n = n;
	for (unsigned i = 0; i <= n; i++)
		k->mr[i] = t->utcb[i];
	k->br0 = t->utcb[L4_UTCB_BR(0)];
	k->error = t->utcb[L4_UTCB_ERROR_CODE];
}

static void utcb_restore(tcb_t *t, const struct utcb_keep *k)
{
	for (unsigned i = 0; i <= k->n; i++)
		t->utcb[i] = k->mr[i];
	t->utcb[L4_UTCB_BR(0)] = k->br0;
	t->utcb[L4_UTCB_ERROR_CODE] = k->error;
}

bool page_fault_ipc(tcb_t *t, word_t addr, unsigned access, word_t ip, word_t timeouts)
{
	if (t->space == sigma0_space)
		return space_sigma0_fault(addr);
	word_t pager = t->utcb[L4_UTCB_PAGER];
	struct utcb_keep kept;

	utcb_keep(t, &kept, 2);
	t->utcb[0] = TAG_MAKE(LABEL_PAGEFAULT(access & 7), 2, 0);
	t->utcb[1] = addr;
	t->utcb[2] = ip;
	t->utcb[L4_UTCB_BR(0)] = 1ul << 4;      /* receive window: the complete space */
	bool ok = pager != NILTHREAD && ipc_kernel_call(t, pager, timeouts);
	utcb_restore(t, &kept);
	return ok;
}

void kernel_page_fault(word_t addr, unsigned access, word_t ip)
{
	if (!page_fault_ipc(current, addr, access, ip, 0))
		halt_thread(current, current->space == sigma0_space ?
			    "sigma0 touched memory it cannot have" :
			    "page fault, and no pager answered", addr, ip);
}

/*
 * Any other exception in user mode becomes the X.2 exception IPC to the
 * thread's exception handler: label -5, the registers in the port's format
 * (docs/api.md).  The reply, in the same format, is loaded back, so the
 * handler can set a new IP and SP (and registers) and resume the thread.
 * Without a handler the thread is halted, with a line on the console.
 */
void kernel_user_exception(const struct trap_frame *f, const char *what)
{
	tcb_t *t = current;
	word_t handler = t->utcb[L4_UTCB_EXCEPTION_HANDLER];

	if (handler == NILTHREAD)
		return halt_thread(t, what, 0, port_frame_ip(f));
	struct utcb_keep kept;

	utcb_keep(t, &kept, EXC_WORDS_MAX);
	unsigned n = port_exception_message(f, &t->utcb[1]);
	t->utcb[0] = TAG_MAKE(LABEL_EXCEPTION, n, 0);
	t->utcb[L4_UTCB_BR(0)] = 0;             /* an exception reply maps nothing */
	bool ok = ipc_kernel_call(t, handler, 0);
	if (ok) {
		unsigned u = TAG_U(t->utcb[0]);
		port_exception_reply(port_user_frame(t), &t->utcb[1], u < n ? u : n);
	}

	utcb_restore(t, &kept);
	if (!ok)
		halt_thread(t, "exception, and its handler did not answer", 0, port_frame_ip(f));
}

/*
 * current has spent its total quantum: it stops, and its scheduler is told
 * by the X.2 time-fault message, a call with label -3, MR1 = the clock
 * (64 bits: MR2 = 0).  The scheduler's reply lets it go on (with a new
 * quantum, if the scheduler gave one by Schedule).  If nobody answers, it
 * stays stopped until Schedule gives it a new quantum.
 */
static NOINLINE void time_fault(tcb_t *t)
{
	struct utcb_keep kept;

	utcb_keep(t, &kept, 2);
	t->utcb[0] = TAG_MAKE(LABEL_KERNEL(-3, 0), 2, 0);
	t->utcb[1] = clock_us();
	t->utcb[2] = 0;
	t->utcb[L4_UTCB_BR(0)] = 0;
	bool answered = ipc_kernel_call(t, t->scheduler, 0);
	utcb_restore(t, &kept);
	if (answered) {
		t->quantum_spent = false;
	} else {
		sched_block(t, TS_READY);       /* held until Schedule refills it */
		sched_switch();
	}
}

/* On every way back to user mode: keep it short (time_fault is out of line). */
void kernel_preempt_point(void)
{
	if (unlikely(current->quantum_spent) && current->utcb && !current->kernel_ipc)
		time_fault(current);
	sched_preempt_point();
}
