/*
 * ipc.c - the IPC slow path.
 *
 * The process model: a thread that must wait blocks inside ipc() and the
 * partner that completes its IPC does the work for it: a receiver pulls a
 * blocked sender's message, a sender pushes into a waiting receiver.  A
 * blocked caller (send then receive) is moved straight into its receive
 * phase when its message is taken, so a zero-timeout reply finds it ready.
 *
 * A wait with a finite timeout joins the timeout queue (timeout.c); the
 * thread that ends the wait takes it off again, so a timeout never fires
 * on an IPC that has already happened.
 */
#include "ipc.h"
#include "irq.h"
#include "mdb.h"
#include "sched.h"
#include "space.h"
#include "strings.h"
#include "timeout.h"
#include <l4/abi.h>

bool ipc_fastpath_on = PECAN_FASTPATH;
word_t ipc_fastpath_count;

/* A zero period (m = 0): do not wait at all. */
static bool timeout_is_zero(word_t t16)
{
	return t16 != TIME_NEVER && !(t16 & 0x8000) && (t16 & 0x3ff) == 0;
}

/* Block self in state s, with the timeout t16 (not zero) on the wait. */
static void block(tcb_t *self, enum thread_state s, word_t t16)
{
	if (t16 != TIME_NEVER)
		timeout_set(self, timeout_deadline(t16, clock_us()));
	sched_block(self, s);
	sched_switch();
}

/* Bytes a failed string copy had moved, for the error words of both sides
 * (set by transfer(), read at once: one CPU, the kernel is not preempted). */
static word_t xfer_bytes;

/* Record an IPC error for t: the ErrorCode TCR and the E flag in MR0.
 * Codes 4-7 (during a transfer) carry the bytes transferred. */
static void set_error(tcb_t *t, word_t code, word_t phase)
{
	t->ipc_error = (code >= IPC_ERR_OVERFLOW ? xfer_bytes << 4 : 0) | code << 1 | phase;
	t->utcb[L4_UTCB_ERROR_CODE] = t->ipc_error;
	t->utcb[0] = TAG_FLAG_E;
}

/* Does receiver r, waiting with from-specifier r->partner, take s's message? */
static bool accepts(const tcb_t *r, const tcb_t *s)
{
	word_t spec = r->partner;

	if (spec == ANYTHREAD)
		return true;
	if (spec == ANYLOCALTHREAD)
		return s->space == r->space;
	return spec == s->id;
}

/* One map or grant item (two words at mr) into r's receive window. */
static word_t transfer_map_item(tcb_t *s, tcb_t *r, const word_t *mr)
{
	word_t acceptor = r->utcb[L4_UTCB_BR(0)];
	fpage_t window = { acceptor & ~(word_t)0xf };
	fpage_t snd = { mr[1] };
	word_t src, dst;
	unsigned log2;

	if (fpage_is_nil(window))
		return IPC_ERR_OVERFLOW;        /* the receiver takes no mappings */
	if (!fpage_transfer(snd, mr[0], window, &src, &dst, &log2))
		return 0;                       /* nothing to send: not an error */
	if (s->space == sigma0_space)   /* sigma0's 1:1 view: frames appear on demand */
		for (word_t va = src; va - src < ((word_t)1 << log2) && log2 <= 30; va += PAGE_SIZE)
			if (!mdb_lookup(s->space, va))
				space_sigma0_fault(va);
	bool grant = ((mr[0] >> 1) & 7) == 5;
	int err = mdb_transfer(s->space, src, r->space, dst, log2, fpage_rights(snd), grant);
	if (grant && err == MDB_OK && log2 < fpage_log2(snd))
		mdb_unmap(s->space, snd, true);         /* X.2: the rest of a grant's fpage goes too */
	return err == MDB_OK ? 0 : IPC_ERR_OVERFLOW;
}

/* The typed items, MR u+1 to u+t (t > 0), already copied.  Out of line:
 * most messages have none, and transfer() stays a leaf without them. */
static NOINLINE word_t transfer_items(tcb_t *s, tcb_t *r, unsigned u, unsigned t)
{
	bool strings = false;

	for (unsigned i = u + 1; i <= u + t;) {
		word_t w = s->utcb[i];
		if (!(w & 8)) {                 /* a string item: its substrings follow */
			strings = true;
			i += 2 + ((w >> 4) & 0x1f);
			continue;
		}
		word_t type = (w >> 1) & 7;
		if (i + 1 > u + t || (type != 4 && type != 5))
			return IPC_ERR_OVERFLOW;        /* a cut or unknown item */
		word_t err = transfer_map_item(s, r, &s->utcb[i]);
		if (err)
			return err;
		i += 2;
	}
	if (!strings)
		return 0;
	bool in_sender = false;
	word_t err = strings_copy(s, r, u + 1, t, &xfer_bytes, &in_sender);
	if (err == IPC_ERR_XFER_TO_SELF && in_sender)
		err = IPC_ERR_XFER_TO_PEER;     /* as the receiver sees it: the partner's space */
	return err;
}

/* The receiver's transfer error as its sender sees it: 5 and 6 swap sides. */
static word_t for_sender(word_t err)
{
	return err == IPC_ERR_XFER_TO_SELF ? IPC_ERR_XFER_TO_PEER :
	       err == IPC_ERR_XFER_TO_PEER ? IPC_ERR_XFER_TO_SELF : err;
}

/*
 * Copy s's message into r: MR0, the untyped words, and the typed items
 * (map and grant; string items are refused for now).  Returns 0 or an
 * error code for both sides.
 */
static word_t transfer(tcb_t *s, tcb_t *r)
{
	/* Local pointers: a store through r->utcb could alias the tcbs, so
	 * the compiler would reload both UTCB pointers for every word. */
	const word_t *smr = s->utcb;
	word_t *rmr = r->utcb;
	xfer_bytes = 0;
	word_t tag = smr[0];
	unsigned u = TAG_U(tag), t = TAG_T(tag);

	if (u + t > 63)
		return IPC_ERR_OVERFLOW;
	for (unsigned i = 1; i <= u + t; i++)
		rmr[i] = smr[i];
	if (t) {
		word_t err = transfer_items(s, r, u, t);
		if (err)
			return err;
	}
	rmr[0] = tag & ~(word_t)0xf000;         /* the receiver sees no flags we did not set */
	return 0;
}

/* s's message has reached r (err = 0) or failed (err = code): settle r. */
/*
 * Propagation: s sends on behalf of its VirtualSender TCR.  X.2 (as
 * Pistachio reads it) allows it when the virtual sender shares s's space,
 * or s shares the receiver's; otherwise the p flag is dropped.  The
 * receiver then sees the virtual sender as `from`, the p flag, and the real
 * sender in its ActualSender TCR; a virtual sender waiting for s's reply
 * is re-pointed to wait for r, so that r's reply reaches it.
 */
static void propagate(tcb_t *r, tcb_t *s)
{
	tcb_t *vs = (s->utcb[0] & TAG_FLAG_P) ?
		    tcb_lookup_any(s, s->utcb[L4_UTCB_VIRTUAL_SENDER]) : NULL;

	if (!vs || (vs->space != s->space && s->space != r->space))
		return;
	r->ipc_from = tcb_name_for(r, vs);
	r->utcb[0] |= TAG_FLAG_P;
	r->utcb[L4_UTCB_VIRTUAL_SENDER] = tcb_name_for(r, s);  /* ActualSender */
	if (vs->state == TS_RECV_WAIT && vs->partner == s->id)
		vs->partner = r->id;
}

static void complete_receive(tcb_t *r, tcb_t *s, word_t err)
{
	timeout_cancel(r);
	r->ipc_from = tcb_name_for(r, s);
	r->ipc_done = true;
	if (err) {
		set_error(r, err, IPC_PHASE_RECV);
		return;
	}
	r->ipc_error = 0;
	propagate(r, s);
	if (s->intended) {              /* redirected: say so, and to whom it was sent */
		r->utcb[0] |= TAG_FLAG_R;
		r->utcb[L4_UTCB_INTENDED_RECEIVER] = s->intended;
	}
}

static void send_queue_add(tcb_t *r, tcb_t *s)
{
	if (!r->send_queue) {
		s->send_next = s->send_prev = s;
		r->send_queue = s;
		return;
	}
	s->send_next = r->send_queue;
	s->send_prev = r->send_queue->send_prev;
	s->send_prev->send_next = s;
	r->send_queue->send_prev = s;
}

static void send_queue_remove(tcb_t *r, tcb_t *s)
{
	if (s->send_next == s)
		r->send_queue = NULL;
	else {
		s->send_prev->send_next = s->send_next;
		s->send_next->send_prev = s->send_prev;
		if (r->send_queue == s)
			r->send_queue = s->send_next;
	}
	s->send_next = s->send_prev = NULL;
}

/* Resolve a from-specifier to what `partner` holds while waiting: anythread,
 * anylocalthread, or a global ID.  NILTHREAD if it names no thread. */
static word_t resolve_from(tcb_t *self, word_t from)
{
	if (from == ANYTHREAD || from == ANYLOCALTHREAD)
		return from;
	tcb_t *t = tcb_lookup_any(self, from);
	return t ? t->id : NILTHREAD;
}

/*
 * Redirection (X.2 information-flow control): a space with a redirector
 * sends nothing out directly.  A message to a thread of another space (not
 * the redirector itself) goes to the redirector, marked redirected, with
 * the intended receiver.  NULL if the redirector does not exist.  The
 * kernel's own messages for a thread (page faults, exceptions) go to the
 * pager or handler that the privileged root server chose, unredirected.
 */
static tcb_t *redirect(tcb_t *self, tcb_t *dest)
{
	word_t rd = self->space->redirector;

	self->intended = 0;
	if (rd == ANYTHREAD || rd == NILTHREAD || dest->space == self->space || dest->id == rd)
		return dest;
	self->intended = dest->id;
	return tcb_lookup(rd);
}

/* A sender's send is over: let it run again.  Interrupt threads never run. */
static void wake_sender(tcb_t *s)
{
	if (s->space)
		sched_ready(s);
	else
		s->state = TS_INACTIVE;
}

static word_t receive_phase(tcb_t *self, word_t from, word_t rcv_timeout)
{
	self->partner = from;
	/* A sender already waiting for us? */
	tcb_t *s = self->send_queue;
	if (s) {
		do {
			if (accepts(self, s))
				break;
			s = s->send_next;
		} while (s != self->send_queue);
		if (!accepts(self, s))
			s = NULL;
	}
	if (s) {
		send_queue_remove(self, s);
		timeout_cancel(s);
		word_t err = transfer(s, self);
		complete_receive(self, s, err);
		if (err) {
			set_error(s, for_sender(err), IPC_PHASE_SEND);
			wake_sender(s);
		} else if (s->rcv_spec != NILTHREAD) {
			s->partner = s->rcv_spec;       /* its call goes on: now it waits */
			s->rcv_spec = NILTHREAD;
			s->state = TS_RECV_WAIT;
			if (s->rcv_timeout != TIME_NEVER)       /* its receive timeout starts now */
				timeout_set(s, timeout_deadline(s->rcv_timeout, clock_us()));
		} else {
			s->ipc_error = 0;
			wake_sender(s);
		}
		return self->ipc_from;
	}
	if (timeout_is_zero(rcv_timeout)) {
		set_error(self, IPC_ERR_TIMEOUT, IPC_PHASE_RECV);
		return NILTHREAD;
	}
	self->ipc_done = false;
	block(self, TS_RECV_WAIT, rcv_timeout);
	return self->ipc_error ? NILTHREAD : self->ipc_from;
}

/*
 * String items: each side faults in its own pages first, through its own
 * pager, so that the copy finds them (strings.h).  0 or an error set.
 */
static bool prefault_strings(tcb_t *self, word_t to, word_t from_spec)
{
	xfer_bytes = 0;
	if (to != NILTHREAD && TAG_T(self->utcb[0])) {
		word_t err = strings_prefault_send(self);
		if (err) {
			set_error(self, err, IPC_PHASE_SEND);
			return false;
		}
	}
	if (from_spec != NILTHREAD && (self->utcb[L4_UTCB_BR(0)] & 1)) {
		word_t err = strings_prefault_receive(self);
		if (err) {
			set_error(self, err, IPC_PHASE_RECV);
			return false;
		}
	}
	return true;
}

word_t ipc(tcb_t *self, word_t to, word_t from_spec, word_t timeouts)
{
	if (!self->kernel_ipc && !prefault_strings(self, to, from_spec))
		return NILTHREAD;
	self->ipc_error = 0;
	self->utcb[L4_UTCB_ERROR_CODE] = 0;
	tcb_t *dest = to != NILTHREAD ? tcb_lookup_any(self, to) : NULL;
	/* A closed wait for a thread that does not exist fails with error 2,
	 * but only after the send phase.  A call names its partner twice:
	 * look it up once (a wildcard `to` finds no thread, and is resolved
	 * as a from-specifier). */
	word_t from = from_spec == NILTHREAD ? NILTHREAD
		    : from_spec == to && dest ? dest->id
		    : resolve_from(self, from_spec);

	if (to != NILTHREAD) {
		if (dest && !self->kernel_ipc)
			dest = redirect(self, dest);
		if (!dest || dest->state == TS_DEAD || !dest->utcb) {
			set_error(self, IPC_ERR_NO_PARTNER, IPC_PHASE_SEND);
			return NILTHREAD;
		}
		if (irq_is_thread(dest)) {
			/* To an interrupt thread: its handler acknowledges the
			 * interrupt, which unmasks the line; nobody else may. */
			if (!irq_acknowledge(dest, self)) {
				set_error(self, IPC_ERR_NO_PARTNER, IPC_PHASE_SEND);
				return NILTHREAD;
			}
		} else if (dest->state == TS_RECV_WAIT && accepts(dest, self)) {
			word_t err = transfer(self, dest);
			complete_receive(dest, self, err);
			sched_ready(dest);
			if (err) {
				set_error(self, for_sender(err), IPC_PHASE_SEND);
				return NILTHREAD;
			}
		} else if (timeout_is_zero(timeouts >> 16)) {
			set_error(self, IPC_ERR_TIMEOUT, IPC_PHASE_SEND);
			return NILTHREAD;
		} else {
			self->partner = dest->id;
			self->rcv_spec = from;
			self->rcv_timeout = timeouts & 0xffff;
			self->ipc_done = false;
			send_queue_add(dest, self);
			block(self, TS_SEND_WAIT, timeouts >> 16);
			/* Back: our message was taken (and, for a call, the reply
			 * has arrived), or the IPC failed. */
			self->rcv_spec = NILTHREAD;
			if (self->ipc_error || from == NILTHREAD)
				goto no_receiver;
			return self->ipc_from;
		}
	}
no_receiver:
	if (self->ipc_error || from_spec == NILTHREAD)
		return NILTHREAD;
	if (from == NILTHREAD) {
		set_error(self, IPC_ERR_NO_PARTNER, IPC_PHASE_RECV);
		return NILTHREAD;
	}
	return receive_phase(self, from, timeouts & 0xffff);
}

bool ipc_kernel_call(tcb_t *t, word_t to, word_t timeouts)
{
	t->kernel_ipc = true;
	ipc(t, to, to, timeouts);
	t->kernel_ipc = false;
	return t->ipc_error == 0;
}

enum thread_state ipc_cancel(tcb_t *t, word_t code)
{
	enum thread_state was = t->state;

	timeout_cancel(t);
	if (was == TS_SEND_WAIT) {
		tcb_t *r = tcb_lookup(t->partner);
		if (r)
			send_queue_remove(r, t);
		t->rcv_spec = NILTHREAD;
		set_error(t, code, IPC_PHASE_SEND);
		wake_sender(t);
	} else if (was == TS_RECV_WAIT) {
		set_error(t, code, IPC_PHASE_RECV);
		sched_ready(t);
	}
	return was;
}

void ipc_flush_senders(tcb_t *t)
{
	while (t->send_queue) {
		tcb_t *s = t->send_queue;
		send_queue_remove(t, s);
		s->rcv_spec = NILTHREAD;
		set_error(s, IPC_ERR_NO_PARTNER, IPC_PHASE_SEND);
		wake_sender(s);
	}
}

void ipc_deliver(tcb_t *s, tcb_t *r)
{
	if (s->state == TS_SEND_WAIT)
		return;                 /* already waiting to be received */
	if (r->state == TS_RECV_WAIT && accepts(r, s)) {
		word_t err = transfer(s, r);
		complete_receive(r, s, err);
		sched_ready(r);
		return;
	}
	s->partner = r->id;
	s->rcv_spec = NILTHREAD;
	send_queue_add(r, s);
	s->state = TS_SEND_WAIT;
}

NORETURN void ipc_fastpath_resume(void)
{
	tcb_t *t = current;

	t->resume_user_ipc = false;
	port_frame_set_ipc_results(port_user_frame(t), t->ipc_error ? NILTHREAD : t->ipc_from,
				   t->utcb[0]);
	kernel_preempt_point();
	port_return_to_user(t);
}
