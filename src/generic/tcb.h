/*
 * tcb.h - thread control blocks and thread IDs.
 *
 * A TCB sits at the bottom of a KTCB_SIZE-aligned block whose top is the
 * thread's kernel stack, as in Pistachio.  Global thread IDs index a table
 * of TCB pointers: lookup is O(1), and the version bits must match.
 */
#ifndef PECAN_TCB_H
#define PECAN_TCB_H

#include "space.h"
#include "types.h"

#define KTCB_SIZE       8192    /* TCB and kernel stack */
#define THREAD_BITS     12      /* thread numbers 0..4095 (KIP ThreadInfo t) */
#define MAX_THREADS     (1u << THREAD_BITS)
#define SYSTEM_BASE     256     /* below: interrupt threads */
#define USER_BASE       272     /* below: kernel threads; sigma0 is USER_BASE */
#define SIGMA0_NO       (USER_BASE + 0)
#define SIGMA1_NO       (USER_BASE + 1)
#define ROOTTASK_NO     (USER_BASE + 2)
#define IDLE_NO         SYSTEM_BASE

/* Thread IDs (X.2, 64-bit words): number in bits 32-63, version in 0-31.
 * A local ID has its low 6 bits clear. */
#define NILTHREAD       0ul
#define ANYTHREAD       (~0ul)
#define ANYLOCALTHREAD  (~0ul << 6)

static inline word_t tid_make(word_t no, word_t version) { return no << 32 | (version & 0xffffffff); }
static inline word_t tid_no(word_t id) { return id >> 32; }
static inline word_t tid_version(word_t id) { return id & 0xffffffff; }
static inline bool tid_is_local(word_t id) { return (id & 0x3f) == 0 && id != NILTHREAD; }
static inline bool tid_is_global(word_t id) { return (id & 0x3f) != 0 && id != ANYTHREAD; }

enum thread_state {
	TS_INACTIVE,            /* created, waits to be activated (no pager yet) */
	TS_READY,               /* runnable: in the ready queue, or running */
	TS_SEND_WAIT,           /* in a partner's send queue */
	TS_RECV_WAIT,           /* waiting for a message */
	TS_HALTED,              /* stopped by ExchangeRegisters */
	TS_DEAD,                /* being deleted */
};

typedef struct tcb tcb_t;

struct tcb {
	/* Identity: set by ThreadControl. */
	word_t id;                      /* global thread ID */
	space_t *space;
	tcb_t *space_next;              /* the space's thread list */
	word_t scheduler;               /* thread ID allowed to Schedule us */
	word_t utcb_user;               /* UTCB pointer (local ID) in user space, 0 if none */
	word_t *utcb;                   /* the same UTCB, as the kernel sees it */

	/* Scheduling: owned by sched.c. */
	enum thread_state state;
	uint8_t prio;
	bool halted;                    /* H: stopped, also across IPC waits */
	bool started;                   /* has run in user mode, or been told where to */
	tcb_t *ready_next, *ready_prev; /* ready queue of prio */
	uint32_t slice_us;              /* time slice length */
	uint32_t slice_left_us;
	uint64_t quantum_us;            /* total quantum, 0 = unlimited */
	uint64_t quantum_left_us;
	bool quantum_spent;             /* stopped until Schedule gives a new quantum */
	uint8_t sensitive_prio;         /* delayed preemption: by threads up to this priority ... */
	uint32_t max_delay_us;          /* ... for up to this long (0: never delayed) */
	uint64_t delay_until;           /* a delay in progress ends then (0: none) */

	/* IPC: owned by ipc.c. */
	word_t partner;                 /* SEND_WAIT: the receiver; RECV_WAIT: the from-specifier */
	word_t rcv_spec;                /* a blocked sender's receive phase, NILTHREAD if none */
	tcb_t *send_queue;              /* senders blocked on this thread (circular) */
	tcb_t *send_next, *send_prev;   /* this thread's links in its receiver's send queue */
	word_t ipc_from;                /* after a receive: the sender, as the receiver names it */
	word_t ipc_error;               /* after an IPC: the ErrorCode word, 0 = success */
	bool ipc_done;                  /* a blocked IPC has been completed by the partner */
	bool resume_user_ipc;           /* blocked in an Ipc system call: all that is left to do
					   when it wakes is to return the results to user mode, so
					   the fast path may resume it straight into user mode */
	uint64_t timeout_at;            /* a pending IPC timeout (µs of SystemClock), 0 = none */
	tcb_t *timeout_next;            /* the timeout queue (timeout.c) */
	word_t rcv_timeout;             /* a blocked caller's receive timeout, for after its send */
	word_t intended;                /* a redirected message's intended receiver, 0 if none */
	bool kernel_ipc;                /* in an IPC the kernel makes for it (page fault, exception) */

	/* The port's per-thread state (saved kernel stack pointer, ...). */
	struct port_tcb arch;
};

/* The thread running on this CPU. */
extern tcb_t *current;

/* Thread number -> TCB (thread.c).  The lookups below are inline: every
 * IPC makes one or two, and they are a few instructions each. */
extern tcb_t *tcb_table[MAX_THREADS];

/* The TCB for a global ID, or NULL if there is none or the version differs. */
static inline tcb_t *tcb_lookup(word_t id)
{
	word_t no = tid_no(id);

	if (no >= MAX_THREADS || !tid_is_global(id))
		return NULL;
	tcb_t *t = tcb_table[no];
	return t && t->id == id ? t : NULL;
}

/* A local ID in the caller's space (thread.c). */
tcb_t *tcb_lookup_local(tcb_t *caller, word_t id);

/* Any ID as the caller may name it: global, or local to the caller's space. */
static inline tcb_t *tcb_lookup_any(tcb_t *caller, word_t id)
{
	return tid_is_local(id) ? tcb_lookup_local(caller, id) : tcb_lookup(id);
}

/* How `self` names thread t: its local ID in the same space, else global. */
static inline word_t tcb_name_for(const tcb_t *self, const tcb_t *t)
{
	return t->space == self->space && t->utcb_user ? t->utcb_user : t->id;
}

static inline word_t *tcb_kstack_top(tcb_t *t) { return (word_t *)((char *)t + KTCB_SIZE); }
static inline word_t tcb_utcb_get(const tcb_t *t, int word) { return t->utcb[word]; }
static inline void tcb_utcb_set(tcb_t *t, int word, word_t v) { t->utcb[word] = v; }

/* Create a thread in space s (thread.c).  NULL when out of memory. */
tcb_t *tcb_create(word_t id, space_t *s, word_t scheduler);
void tcb_destroy(tcb_t *t);

/* Thread number in use?  For ThreadControl and the boot code. */
bool tcb_exists(word_t no);
unsigned tcb_count(void);       /* threads alive (a pool count for tests) */

/* The entry of every new user thread's kernel side: wait for the start
 * message or ExchangeRegisters, then enter user mode. */
NORETURN void thread_first_run(void);

#endif
