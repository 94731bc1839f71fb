/* syscall.h - the system calls, as the dispatcher calls them. */
#ifndef PECAN_SYSCALL_H
#define PECAN_SYSCALL_H

#include "tcb.h"
#include <l4/abi.h>

/* X.2 error codes of the non-IPC calls (ErrorCode TCR). */
#define ERR_NO_PRIVILEGE   1
#define ERR_INVALID_THREAD 2
#define ERR_INVALID_SPACE  3
#define ERR_INVALID_SCHED  4
#define ERR_INVALID_PARAM  5
#define ERR_UTCB_AREA      6
#define ERR_KIP_AREA       7
#define ERR_NO_MEMORY      8

/* Each takes the seven argument registers and writes its results there. */
void sys_thread_control(word_t a[7]);
void sys_space_control(word_t a[7]);
void sys_exchange_registers(word_t a[7]);

/* Fail a call: result 0 and the error in the ErrorCode TCR. */
static inline void sys_fail(word_t a[7], word_t error)
{
	a[0] = 0;
	current->utcb[L4_UTCB_ERROR_CODE] = error;
}

#endif
