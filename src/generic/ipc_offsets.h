/*
 * ipc_offsets.h - the generic layout facts that every port's IPC fast path
 * uses (docs/fastpath.md).  A port's asm-offsets.c calls ipc_offsets(), so
 * its assembly gets the same names on every port, generated, never kept
 * by hand.
 */
#ifndef PECAN_IPC_OFFSETS_H
#define PECAN_IPC_OFFSETS_H

#include "offsets.h"
#include "space.h"
#include "tcb.h"
#include <l4/abi.h>

static inline void ipc_offsets(void)
{
	VALUE(KTCB_SIZE, KTCB_SIZE);
	VALUE(THREAD_BITS, THREAD_BITS);
	VALUE(TS_READY, TS_READY);
	VALUE(TS_RECV_WAIT, TS_RECV_WAIT);
	VALUE(SYS_IPC, L4_SYS_IPC);
	VALUE(UTCB_ERROR_CODE, L4_UTCB_ERROR_CODE * (int)sizeof(word_t));
	OFFSET(TCB_ID, tcb, id);
	OFFSET(TCB_SPACE, tcb, space);
	OFFSET(TCB_UTCB_USER, tcb, utcb_user);
	OFFSET(TCB_UTCB, tcb, utcb);
	OFFSET(TCB_STATE, tcb, state);
	OFFSET(TCB_PRIO, tcb, prio);
	OFFSET(TCB_READY_NEXT, tcb, ready_next);
	OFFSET(TCB_READY_PREV, tcb, ready_prev);
	OFFSET(TCB_PARTNER, tcb, partner);
	OFFSET(TCB_RCV_SPEC, tcb, rcv_spec);
	OFFSET(TCB_SEND_QUEUE, tcb, send_queue);
	OFFSET(TCB_IPC_ERROR, tcb, ipc_error);
	OFFSET(TCB_IPC_DONE, tcb, ipc_done);
	OFFSET(TCB_RESUME_USER_IPC, tcb, resume_user_ipc);
	OFFSET(TCB_TIMEOUT_AT, tcb, timeout_at);
	OFFSET(SPACE_REDIRECTOR, space, redirector);
}

#endif
