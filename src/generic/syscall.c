/*
 * syscall.c - the system call dispatcher and the small calls.
 *
 * The port's entry code hands over the seven argument registers of its ABI
 * (docs/api.md); results go back in the same seven.  Every argument comes
 * from user mode and is checked before it is used.
 */
#include "ipc.h"
#include "kmem.h"
#include "kip.h"
#include "kprintf.h"
#include "mdb.h"
#include "panic.h"
#include "sched.h"
#include "syscall.h"
#include "timeout.h"
#include <l4/abi.h>

static void sys_ipc(word_t a[7])
{
	current->utcb[0] = a[3];                /* MR0 travels in argument register 4 */
	current->resume_user_ipc = true;
	a[0] = ipc(current, a[0], a[1], a[2]);
	current->resume_user_ipc = false;
	a[3] = current->utcb[0];
}

/* Lipc: Ipc restricted to the caller's space (local IDs only). */
static void sys_lipc(word_t a[7])
{
	bool to_ok = a[0] == NILTHREAD || tid_is_local(a[0]);
	bool from_ok = a[1] == NILTHREAD || a[1] == ANYLOCALTHREAD || tid_is_local(a[1]);

	if (to_ok && from_ok)
		return sys_ipc(a);
	current->utcb[L4_UTCB_ERROR_CODE] = 2 << 1 | (to_ok ? 1 : 0);
	a[0] = NILTHREAD;
	a[3] = 1ul << 15;
}

static void sys_kernel_interface(word_t a[7])
{
	a[0] = fpage_base(current->space->kip_area);
	a[1] = KIP_API_VERSION;
	a[2] = kip_page[2];
	a[3] = KIP_KERNEL_ID;
}

static void sys_system_clock(word_t a[7])
{
	a[0] = clock_us();
}

static void sys_thread_switch(word_t a[7])
{
	tcb_t *t = a[0] == NILTHREAD ? NULL : tcb_lookup_any(current, a[0]);

	if (t && t != current)
		sched_donate(t);
	else
		sched_yield();
}

/* Unmap: fpages in MR0..MRk, k = control bits 0-5, flush = bit 6. */
static void sys_unmap(word_t a[7])
{
	unsigned k = a[0] & 0x3f;
	bool flush = a[0] & 0x40;

	for (unsigned i = 0; i <= k; i++) {
		fpage_t f = { current->utcb[i] };
		unsigned status = fpage_is_nil(f) ? 0 : mdb_unmap(current->space, f, flush);
		current->utcb[i] = (f.raw & ~(word_t)7) | status;
	}
}

/* The X.2 result of Schedule: what the thread is doing. */
static word_t sched_result(const tcb_t *t)
{
	switch (t->state) {
	case TS_INACTIVE: return 2;
	case TS_READY: return t->halted || t->quantum_spent ? 2 : 3;
	case TS_SEND_WAIT: return 5;
	case TS_RECV_WAIT: return 7;
	default: return 1;
	}
}

/* A time period (16 bits) in µs; 0 for never. */
static word_t period_us(word_t t)
{
	return (t & 0x3ff) << ((t >> 10) & 0x1f);
}

/* µs as a time period (m·2^e, rounded down); 0 stays 0, "never". */
static word_t period_of(uint64_t us)
{
	word_t e = 0;

	while (us >= 1024) {
		us >>= 1;
		e++;
	}
	return e << 10 | us;
}

static void sys_schedule(word_t a[7])
{
	tcb_t *t = tcb_lookup_any(current, a[0]);

	if (!t)
		return sys_fail(a, ERR_INVALID_THREAD);
	if (t->scheduler != current->id && !space_privileged(current->space))
		return sys_fail(a, ERR_NO_PRIVILEGE);
	word_t prio = a[3] & 0xff, sensitive = (a[4] >> 16) & 0xff;
	if ((a[3] != ~0ul && prio > current->prio) || (a[4] != ~0ul && sensitive > current->prio))
		return sys_fail(a, ERR_NO_PRIVILEGE);
	word_t slice = (a[1] >> 16) & 0xffff;
	if (a[1] != ~0ul && (((slice & 0x8000) && slice != 0xffff) || ((a[1] & 0x8000) && (a[1] & 0xffff) != 0xffff)))
		return sys_fail(a, ERR_INVALID_PARAM);  /* a time point is no length */
	if (a[3] != ~0ul && prio != t->prio)
		sched_set_prio(t, prio);
	word_t quantum = a[1] & 0xffff;
	if (a[1] != ~0ul && slice != 0xffff)
		t->slice_us = t->slice_left_us = period_us(slice);
	if (a[1] != ~0ul && quantum != 0xffff) {
		t->quantum_us = t->quantum_left_us = period_us(quantum);
		if (t->quantum_spent) {         /* a new quantum: it may run again */
			t->quantum_spent = false;
			sched_unhold(t);
		}
	}
	if (a[4] != ~0ul) {
		t->sensitive_prio = sensitive;
		t->max_delay_us = a[4] & 0xffff;        /* µs, as Pistachio reads it */
	}
	a[0] = sched_result(t);
	a[1] = period_of(t->slice_left_us) << 16 | (t->quantum_us ? period_of(t->quantum_left_us) : 0);
}

static void sys_privileged_nop(word_t a[7])
{
	if (!space_privileged(current->space))
		return sys_fail(a, ERR_NO_PRIVILEGE);
	a[0] = 1;
}

static void sys_memory_control(word_t a[7])
{
	if (!space_privileged(current->space))
		return sys_fail(a, ERR_NO_PRIVILEGE);
	if ((a[0] & 0x3f) > 63 || a[1] != 0)
		return sys_fail(a, ERR_INVALID_PARAM);  /* only the default attribute */
	a[0] = 1;
}

static void sys_kdebug(word_t a[7])
{
	switch (a[0]) {
	case L4_KDEBUG_PUTC:
		kprintf("%c", (char)a[1]);
		break;
	case L4_KDEBUG_POWEROFF:
		if (space_privileged(current->space))
			kernel_halt(a[1] == 1);
		break;
	case L4_KDEBUG_GETC:
		a[0] = ~0ul;            /* no console input yet */
		return;
	case L4_KDEBUG_STATS:
		a[0] = a[1] == L4_KDEBUG_STAT_THREADS ? tcb_count()
		     : a[1] == L4_KDEBUG_STAT_MAPPINGS ? mdb_nodes()
		     : a[1] == L4_KDEBUG_STAT_FASTPATH ? ipc_fastpath_count
		     : a[1] == L4_KDEBUG_STAT_KMEM_FREE ? kmem_free_bytes() : 0;
		return;
	case L4_KDEBUG_FASTPATH: {
		bool was = ipc_fastpath_on;
		if (space_privileged(current->space))
			ipc_fastpath_on = PECAN_FASTPATH && a[1];
		a[0] = was;
		return;
	}
	case L4_KDEBUG_MAPPED: {
		mdb_node_t *n = mdb_lookup(current->space, a[1]);
		a[0] = n ? n->rights : 0;
		return;
	}
	}
	a[0] = 0;
}

static void (*const syscalls[L4_SYS_COUNT])(word_t a[7]) = {
	[L4_SYS_KERNEL_INTERFACE] = sys_kernel_interface,
	[L4_SYS_IPC] = sys_ipc,
	[L4_SYS_LIPC] = sys_lipc,
	[L4_SYS_UNMAP] = sys_unmap,
	[L4_SYS_EXCHANGE_REGISTERS] = sys_exchange_registers,
	[L4_SYS_SYSTEM_CLOCK] = sys_system_clock,
	[L4_SYS_THREAD_SWITCH] = sys_thread_switch,
	[L4_SYS_SCHEDULE] = sys_schedule,
	[L4_SYS_SPACE_CONTROL] = sys_space_control,
	[L4_SYS_THREAD_CONTROL] = sys_thread_control,
	[L4_SYS_PROCESSOR_CONTROL] = sys_privileged_nop,
	[L4_SYS_MEMORY_CONTROL] = sys_memory_control,
	[L4_SYS_KDEBUG] = sys_kdebug,
};

void kernel_syscall(word_t number, word_t a[7])
{
	if (number < L4_SYS_COUNT)
		syscalls[number](a);
	else
		kernel_user_exception(port_user_frame(current), "unknown system call");
	kernel_preempt_point();
}
