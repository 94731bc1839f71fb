/*
 * l4/sigma0.h - the sigma0 protocol, client side (X.2 §10).
 *
 * Request: label L4_LABEL_SIGMA0 (-6 << 4), u = 2, t = 0; MR1 = the wanted
 * fpage (its base all ones: any free page of that size; rights ignored),
 * MR2 = memory attributes (0: default).  Reply: u = 0, t = 2, one map item,
 * whose fpage is nil when sigma0 refused.  sigma0 is thread (UserBase, 1).
 */
#ifndef L4_SIGMA0_H
#define L4_SIGMA0_H

#include <l4/types.h>
#include <l4/kip.h>
#include <l4/misc.h>
#include <l4/message.h>
#include <l4/ipc.h>

/* sigma0's thread ID, from the KIP. */
L4_INLINE L4_ThreadId_t L4_Sigma0Id(void)
{
    return L4_GlobalId(L4_ThreadIdUserBase(L4_GetKernelInterface()), 1);
}

/* Ask sigma0 s0 (nil: the one the KIP names) for f, to be mapped into
 * RcvWindow; returns the fpage sigma0 sent (rights included), or nil.
 * BR0 keeps the acceptor for RcvWindow, as in Pistachio. */
L4_INLINE L4_Fpage_t L4_Sigma0_GetPage_RcvWindow(L4_ThreadId_t s0, L4_Fpage_t f,
                                                 L4_Fpage_t RcvWindow)
{
    L4_Msg_t msg;
    L4_MsgTag_t tag;

    if (L4_IsNilThread(s0))
        s0 = L4_Sigma0Id();
    L4_MsgClear(&msg);
    L4_MsgAppendWord(&msg, f.raw);
    L4_MsgAppendWord(&msg, L4_DefaultMemory);
    L4_Set_MsgLabel(&msg, L4_LABEL_SIGMA0);
    L4_MsgLoad(&msg);
    L4_Accept(L4_MapGrantItems(RcvWindow));

    tag = L4_Call(s0);
    if (L4_IpcFailed(tag) || L4_TypedWords(tag) < 2)
        return L4_Nilpage;
    L4_StoreMR((int)L4_UntypedWords(tag) + 2, &f.raw);     /* the map item's fpage */
    return f;
}

/* f, mapped where sigma0 has it: at its physical address. */
L4_INLINE L4_Fpage_t L4_Sigma0_GetPage(L4_ThreadId_t s0, L4_Fpage_t f)
{
    return L4_Sigma0_GetPage_RcvWindow(s0, f, L4_CompleteAddressSpace);
}

/* Any free page of 2^s bytes, mapped into RcvWindow. */
L4_INLINE L4_Fpage_t L4_Sigma0_GetAny(L4_ThreadId_t s0, L4_Word_t s, L4_Fpage_t RcvWindow)
{
    return L4_Sigma0_GetPage_RcvWindow(s0, L4_FpageLog2(~0UL, (int)s), RcvWindow);
}

#endif
