/*
 * l4/ipc.h - IPC: the timeouts word and the calls derived from Ipc and Lipc
 * (X.2 §7-8).  L4_Ipc and L4_Lipc themselves are in <l4/syscalls.h>.
 */
#ifndef L4_IPC_H
#define L4_IPC_H

#include <l4/types.h>
#include <l4/syscalls.h>
#include <l4/message.h>
#include <l4/thread.h>

/* Send timeout bits 16-31, receive timeout bits 0-15. */
L4_INLINE L4_Word_t L4_Timeouts(L4_Time_t SndTimeout, L4_Time_t RcvTimeout)
{
    return (L4_Word_t)SndTimeout.raw << 16 | RcvTimeout.raw;
}

L4_INLINE L4_MsgTag_t L4_Call_Timeouts(L4_ThreadId_t to, L4_Time_t SndTimeout,
                                       L4_Time_t RcvTimeout)
{
    L4_ThreadId_t dummy;
    return L4_Ipc(to, to, L4_Timeouts(SndTimeout, RcvTimeout), &dummy);
}

L4_INLINE L4_MsgTag_t L4_Call(L4_ThreadId_t to)
{
    return L4_Call_Timeouts(to, L4_Never, L4_Never);
}

L4_INLINE L4_MsgTag_t L4_Send_Timeout(L4_ThreadId_t to, L4_Time_t SndTimeout)
{
    return L4_Ipc(to, L4_nilthread, L4_Timeouts(SndTimeout, L4_Never), (L4_ThreadId_t *)0);
}

L4_INLINE L4_MsgTag_t L4_Send(L4_ThreadId_t to) { return L4_Send_Timeout(to, L4_Never); }

/* Send only if the partner is already waiting. */
L4_INLINE L4_MsgTag_t L4_Reply(L4_ThreadId_t to) { return L4_Send_Timeout(to, L4_ZeroTime); }

L4_INLINE L4_MsgTag_t L4_Receive_Timeout(L4_ThreadId_t from, L4_Time_t RcvTimeout)
{
    L4_ThreadId_t dummy;
    return L4_Ipc(L4_nilthread, from, L4_Timeouts(L4_Never, RcvTimeout), &dummy);
}

L4_INLINE L4_MsgTag_t L4_Receive(L4_ThreadId_t from) { return L4_Receive_Timeout(from, L4_Never); }

L4_INLINE L4_MsgTag_t L4_Wait_Timeout(L4_Time_t RcvTimeout, L4_ThreadId_t *from)
{
    return L4_Ipc(L4_nilthread, L4_anythread, L4_Timeouts(L4_Never, RcvTimeout), from);
}

L4_INLINE L4_MsgTag_t L4_Wait(L4_ThreadId_t *from) { return L4_Wait_Timeout(L4_Never, from); }

L4_INLINE L4_MsgTag_t L4_ReplyWait_Timeout(L4_ThreadId_t to, L4_Time_t RcvTimeout,
                                           L4_ThreadId_t *from)
{
    return L4_Ipc(to, L4_anythread, L4_Timeouts(L4_ZeroTime, RcvTimeout), from);
}

L4_INLINE L4_MsgTag_t L4_ReplyWait(L4_ThreadId_t to, L4_ThreadId_t *from)
{
    return L4_ReplyWait_Timeout(to, L4_Never, from);
}

/* Wait for t: a receive from oneself, which nobody can send.  MR0 is kept. */
L4_INLINE void L4_Sleep(L4_Time_t t)
{
    L4_Word_t mr0;
    L4_StoreMR(0, &mr0);
    (void)L4_Receive_Timeout(L4_MyGlobalId(), t);
    L4_LoadMR(0, mr0);
}

L4_INLINE L4_MsgTag_t L4_Lcall(L4_ThreadId_t to)
{
    L4_ThreadId_t dummy;
    return L4_Lipc(to, to, L4_Timeouts(L4_Never, L4_Never), &dummy);
}

L4_INLINE L4_MsgTag_t L4_LreplyWait(L4_ThreadId_t to, L4_ThreadId_t *from)
{
    return L4_Lipc(to, L4_anylocalthread, L4_Timeouts(L4_ZeroTime, L4_Never), from);
}

#endif
