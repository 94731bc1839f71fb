/*
 * all_headers.c - a compile test of the X.2 C API: it includes every header
 * and calls every inline function once, so that each port's build
 * (cmake/user.cmake, target pecan-api-headers) compiles all of them with
 * -Wall -Wextra -Werror.  It is never run.
 */
#include <l4/types.h>
#include <l4/kip.h>
#include <l4/thread.h>
#include <l4/message.h>
#include <l4/ipc.h>
#include <l4/schedule.h>
#include <l4/space.h>
#include <l4/misc.h>
#include <l4/sigma0.h>
#include <l4/kdebug.h>

L4_Word_t api_types(void);
L4_Word_t api_kip(void);
L4_Word_t api_thread(void);
L4_Word_t api_message(void);
L4_Word_t api_ipc(void);
L4_Word_t api_schedule(void);
L4_Word_t api_space(void);

/* Results go here so that nothing is optimised away unchecked. */
volatile L4_Word_t sink;
#define USE(x) (sink += (L4_Word_t)(x))

L4_Word_t api_types(void)
{
    L4_Fpage_t f = L4_Fpage(0x10000, 0x3000);
    L4_ThreadId_t t = L4_GlobalId(100, 1);
    L4_Clock_t c = { .raw = 1000 };
    L4_Time_t tm = L4_TimePeriod(1500);

    USE(__L4_Msb(0x400));
    USE(L4_IpcErrorCode(0x7) + L4_IpcErrorInReceive(1) + L4_IpcErrorOffset(0x100));
    USE(L4_SizeLog2(f) + L4_Rights(f) + L4_IsNilFpage(L4_Nilpage) + L4_Address(f) + L4_Size(f));
    USE(L4_FpageLog2(0x2000, 12).raw + L4_IsNilFpage(L4_CompleteAddressSpace));
    USE(L4_Set_Rights(&f, L4_Readable).raw);
    USE(L4_FpageAddRights(f, L4_Writable).raw + L4_FpageAddRightsTo(&f, L4_eXecutable).raw);
    USE(L4_FpageRemoveRights(f, L4_Writable).raw + L4_FpageRemoveRightsFrom(&f, L4_FullyAccessible).raw);
    USE(L4_Version(t) + L4_ThreadNo(t) + t.global.X.version + t.global.X.thread_no + t.local.X.local_id);
    USE(L4_IsThreadEqual(t, L4_anythread) + L4_IsThreadNotEqual(t, L4_anylocalthread));
    USE(L4_IsNilThread(L4_nilthread) + L4_IsLocalId(t) + L4_IsGlobalId(t));
    USE(L4_ClockAddUsec(c, 5).raw + L4_ClockSubUsec(c, 5).raw + c.X.low + c.X.high);
    USE(L4_IsClockEarlier(c, c) + L4_IsClockLater(c, c) + L4_IsClockEqual(c, c) + L4_IsClockNotEqual(c, c));
    USE(tm.raw + tm.period.m + tm.period.e + tm.point.c + L4_Never.raw + L4_ZeroTime.raw);
    USE(L4_IsTimePeriod(tm) + L4_IsTimePoint(tm));
    return sink;
}

L4_Word_t api_kip(void)
{
    L4_Word_t v, fl, id, y, m, d;
    void *kip = L4_KernelInterface(&v, &fl, &id);
    L4_KernelInterfacePage_t *k = kip;
    L4_MemoryDesc_t *md = L4_MemoryDesc(kip, 0);
    L4_ProcDesc_t *pd = L4_ProcDesc(kip, 0);

    USE(*(L4_Word32_t *)kip == L4_MAGIC);
    USE(L4_GetKernelInterface() == kip);
    USE(L4_ApiVersion() + L4_ApiFlags() + L4_KernelId());
    L4_KernelGenDate(kip, &y, &m, &d);
    USE(y + m + d + L4_KernelVersion(kip) + L4_KernelSupplier(kip));
    USE(L4_KernelVersionString(kip)[0] + (L4_Feature(kip, 0) != 0) + L4_HasFeature("smp"));
    USE(L4_NumProcessors(kip) + L4_ProcDescExternalFreq(pd) + L4_ProcDescInternalFreq(pd));
    USE(L4_NumMemoryDescriptors(kip) + L4_IsMemoryDescVirtual(md) + L4_MemoryDescType(md));
    USE(L4_MemoryDescLow(md) + L4_MemoryDescHigh(md) + md->x.type + md->x.high);
    USE(L4_PageSizeMask(kip) + L4_PageRights(kip));
    USE(L4_ThreadIdBits(kip) + L4_ThreadIdSystemBase(kip) + L4_ThreadIdUserBase(kip));
    USE(L4_ReadPrecision(kip) + L4_SchedulePrecision(kip));
    USE(L4_UtcbAreaSizeLog2(kip) + L4_UtcbAreaSize(kip) + L4_UtcbAlignmentLog2(kip) + L4_UtcbSize(kip));
    USE(L4_KipAreaSizeLog2(kip) + L4_KipAreaSize(kip) + L4_BootInfo(kip));
    USE(k->ApiVersion.x.version + k->ApiFlags.x.ww + k->ThreadInfo.X.UserBase + k->MemoryInfo.X.n);
    USE(k->root_server.low + k->sigma0.high + k->ProcessorInfo.X.s + k->PageInfo.X.rwx);
    return sink;
}

L4_Word_t api_thread(void)
{
    L4_ThreadId_t t = L4_GlobalId(200, 1), pager;
    L4_Word_t sp, ip, fl, udh, ctl;
    L4_ThreadState_t s;

    USE(L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &ctl, &sp, &ip, &fl, &udh, &pager).raw);
    USE(L4_ThreadControl(t, t, L4_Myself(), L4_nilthread, (void *)0x1000));
    USE(L4_MyGlobalId().raw + L4_MyLocalId().raw + L4_Myself().raw + L4_ProcessorNo());
    L4_Set_UserDefinedHandle(L4_UserDefinedHandle() + 1);
    L4_Set_Pager(L4_Pager());
    L4_Set_ExceptionHandler(L4_ExceptionHandler());
    L4_Set_XferTimeouts(L4_XferTimeouts());
    L4_Set_VirtualSender(L4_ActualSender());
    USE(L4_ErrorCode() + L4_IntendedReceiver().raw + L4_WordSizeMask());
    L4_Reset_WordSizeMask();
    USE(__L4_TCR_ThreadWord(0));
    __L4_TCR_Set_ThreadWord(1, 5);
    USE(L4_ErrorCode_String(L4_ErrNoMem)[0]);
    USE(L4_GlobalIdOf(t).raw + L4_LocalIdOf(t).raw + L4_SameThreads(t, t));
    USE(L4_UserDefinedHandleOf(t));
    L4_Set_UserDefinedHandleOf(t, 7);
    USE(L4_PagerOf(t).raw);
    L4_Set_PagerOf(t, L4_Myself());
    L4_Start(t);
    L4_Start_SpIp(t, 0x8000, 0x1000);
    L4_Start_SpIpFlags(t, 0x8000, 0x1000, 0);
    s = L4_Stop(t);
    USE(L4_ThreadWasHalted(s) + L4_ThreadWasReceiving(s) + L4_ThreadWasSending(s) + L4_ThreadWasIpcing(s));
    USE(L4_Stop_SpIpFlags(t, &sp, &ip, &fl).raw);
    USE(L4_AbortReceive_and_stop(t).raw + L4_AbortReceive_and_stop_SpIpFlags(t, &sp, &ip, &fl).raw);
    USE(L4_AbortSend_and_stop(t).raw + L4_AbortSend_and_stop_SpIpFlags(t, &sp, &ip, &fl).raw);
    USE(L4_AbortIpc_and_stop(t).raw + L4_AbortIpc_and_stop_SpIpFlags(t, &sp, &ip, &fl).raw);
    USE(L4_AssociateInterrupt(L4_GlobalId(3, 1), L4_Myself()));
    USE(L4_DeassociateInterrupt(L4_GlobalId(3, 1)));
    return sink;
}

L4_Word_t api_message(void)
{
    L4_MsgTag_t tag = L4_Niltag;
    L4_Msg_t msg;
    L4_MapItem_t mi = L4_MapItem(L4_FpageLog2(0x4000, 12), 0x4000), mo;
    L4_GrantItem_t gi = L4_GrantItem(L4_FpageLog2(0x8000, 12), 0x8000), go;
    static char a[8], b[8];
    L4_StringItem_t si = L4_StringItem(8, a), so[2];
    L4_Word_t big[8] = { 0 };
    L4_StringItem_t *compound = (L4_StringItem_t *)big;
    L4_Word_t words[2] = { 1, 2 }, w;
    L4_MsgBuffer_t buf;
    L4_Acceptor_t acc = L4_MapGrantItems(L4_CompleteAddressSpace);
    L4_CacheAllocationHint_t hint = L4_CacheAllocationHint(si);

    L4_Set_Label(&tag, 0x42);
    tag = L4_MsgTagAddLabel(tag, 0x43);
    USE(L4_MsgTagAddLabelTo(&tag, 0x44).raw);
    USE(L4_Label(tag) + L4_UntypedWords(tag) + L4_TypedWords(tag) + tag.X.u + tag.X.label);
    USE(L4_IsMsgTagEqual(tag, L4_Niltag) + L4_IsMsgTagNotEqual(tag, L4_Niltag));
    L4_Set_MsgTag(tag);
    USE(L4_MsgTag().raw);
    USE(L4_IpcSucceeded(tag) + L4_IpcFailed(tag) + L4_IpcPropagated(tag) + L4_IpcRedirected(tag) + L4_IpcXcpu(tag));
    L4_Set_Propagation(&tag);
    USE(L4_LABEL_PAGEFAULT + L4_LABEL_SIGMA0 + L4_LABEL_INTERRUPT + L4_LABEL_EXCEPTION);
    USE(L4_LABEL_PREEMPTION + L4_LABEL_SYSEXC + L4_LABEL_IOFAULT);

    USE(L4_IsMapItem(mi) + L4_MapItemSndFpage(mi).raw + L4_MapItemSndBase(mi) + mi.X.snd_base);
    USE(L4_IsGrantItem(gi) + L4_GrantItemSndFpage(gi).raw + L4_GrantItemSndBase(gi));

    compound[0] = L4_StringItem(4, a);
    USE(L4_AddSubstringAddressTo(compound, b) == compound);
    so[0] = L4_StringItem(8, b);
    USE(L4_AddSubstringTo(compound, &so[0]) != compound);
    USE(L4_IsStringItem(&si) + L4_CompoundString(compound) + L4_Substrings(compound));
    USE(L4_StringLength(&si) + (L4_Substring(compound, 2) == b) + si.X.string_length);
    USE(L4_IsCacheAllocationHintEqual(hint, L4_UseDefaultCacheAllocation));
    USE(L4_IsCacheAllocationHintNotEqual(hint, L4_UseDefaultCacheAllocation));
    si = L4_AddCacheAllocationHint(si, hint);
    USE(L4_AddCacheAllocationHintTo(&si, hint).raw[0]);

    L4_MsgClear(&msg);
    L4_MsgPut(&msg, 0x10, 2, words, 2, mi.raw);
    L4_MsgGet(&msg, words, mo.raw);
    L4_Set_MsgMsgTag(&msg, L4_MsgMsgTag(&msg));
    L4_Set_MsgLabel(&msg, L4_MsgLabel(&msg) + 1);
    L4_MsgAppendWord(&msg, 3);
    L4_MsgAppendMapItem(&msg, mi);
    L4_MsgAppendGrantItem(&msg, gi);
    L4_MsgAppendSimpleStringItem(&msg, si);
    L4_MsgAppendStringItem(&msg, compound);
    L4_MsgPutWord(&msg, 0, 9);
    L4_MsgPutMapItem(&msg, 0, mi);
    L4_MsgPutGrantItem(&msg, 2, gi);
    L4_MsgPutSimpleStringItem(&msg, 4, si);
    L4_MsgPutStringItem(&msg, 6, &si);
    USE(L4_MsgWord(&msg, 0));
    L4_MsgGetWord(&msg, 1, &w);
    USE(w + L4_MsgGetMapItem(&msg, 0, &mo) + L4_MsgGetGrantItem(&msg, 2, &go));
    USE(L4_MsgGetStringItem(&msg, 4, so) + mo.raw[0] + go.raw[0]);
    L4_MsgLoad(&msg);
    L4_MsgStore(L4_MsgTag(), &msg);

    L4_LoadMR(1, 5);
    L4_StoreMR(1, &w);
    L4_LoadMRs(1, 2, words);
    L4_StoreMRs(1, 2, words);
    L4_LoadBR(1, 5);
    L4_StoreBR(1, &w);
    L4_LoadBRs(1, 2, words);
    L4_StoreBRs(1, 2, words);

    acc = L4_AddAcceptor(acc, L4_StringItemsAcceptor);
    USE(L4_AddAcceptorTo(&acc, L4_UntypedWordsAcceptor).raw);
    acc = L4_RemoveAcceptor(acc, L4_StringItemsAcceptor);
    USE(L4_RemoveAcceptorFrom(&acc, L4_StringItemsAcceptor).raw + acc.X.RcvWindow);
    USE(L4_HasStringItems(acc) + L4_HasMapGrantItems(acc) + L4_RcvWindow(acc).raw);
    L4_Accept(acc);
    USE(L4_Accepted().raw);
    L4_MsgBufferClear(&buf);
    L4_MsgBufferAppendSimpleRcvString(&buf, L4_StringItem(8, a));
    L4_MsgBufferAppendRcvString(&buf, compound);
    L4_AcceptStrings(L4_StringItemsAcceptor, &buf);
    return sink + w;
}

L4_Word_t api_ipc(void)
{
    L4_ThreadId_t t = L4_GlobalId(300, 1), from;
    L4_Time_t ms = L4_TimePeriod(1000);

    USE(L4_Timeouts(ms, L4_Never));
    USE(L4_Ipc(t, t, 0, &from).raw + L4_Lipc(t, t, 0, &from).raw);
    USE(L4_Call(t).raw + L4_Call_Timeouts(t, ms, ms).raw);
    USE(L4_Send(t).raw + L4_Send_Timeout(t, ms).raw + L4_Reply(t).raw);
    USE(L4_Receive(t).raw + L4_Receive_Timeout(t, ms).raw);
    USE(L4_Wait(&from).raw + L4_Wait_Timeout(ms, &from).raw);
    USE(L4_ReplyWait(t, &from).raw + L4_ReplyWait_Timeout(t, ms, &from).raw);
    L4_Sleep(ms);
    USE(L4_Lcall(t).raw + L4_LreplyWait(t, &from).raw + from.raw);
    return sink;
}

L4_Word_t api_schedule(void)
{
    L4_ThreadId_t t = L4_GlobalId(400, 1);
    L4_Time_t slice, quantum;
    L4_Word_t old;

    USE(L4_Schedule(t, ~0UL, ~0UL, 100, ~0UL, &old) + old);
    L4_ThreadSwitch(t);
    L4_Yield();
    USE(L4_SystemClock().raw);
    USE(L4_Set_Priority(t, 100) + L4_Set_ProcessorNo(t, 0));
    USE(L4_Set_Timeslice(t, L4_TimePeriod(10000), L4_Never));
    USE(L4_Timeslice(t, &slice, &quantum) + slice.raw + quantum.raw);
    USE(L4_Set_PreemptionDelay(t, 200, 1000));
    USE(L4_DisablePreemption() + L4_EnablePreemption() + L4_PreemptionPending());
    USE(L4_EnablePreemptionFaultException() + L4_DisablePreemptionFaultException());
    L4_Set_CopFlag(0);
    L4_Clr_CopFlag(0);
    USE(L4_SCHEDRESULT_RUNNING + L4_SCHEDRESULT_ERROR);
    return sink;
}

L4_Word_t api_space(void)
{
    L4_Fpage_t f = L4_FpageLog2(0x10000, 12), fs[2] = { f, f };
    L4_Word_t attr[4] = { 0, 0, 0, 0 }, old;

    USE(L4_SpaceControl(L4_Myself(), 0, L4_FpageLog2(0xb0000000, 12),
                        L4_FpageLog2(0xb0010000, 16), L4_anythread, &old) + old);
    L4_Unmap(0);
    USE(L4_UnmapFpage(f).raw);
    L4_UnmapFpages(2, fs);
    USE(L4_Flush(f).raw);
    L4_FlushFpages(2, fs);
    f = L4_GetStatus(f);
    USE(L4_WasReferenced(f) + L4_WasWritten(f) + L4_WaseXecuted(f));
    USE(L4_MemoryControl(0, attr) + L4_Set_PageAttribute(f, L4_DefaultMemory));
    USE(L4_Set_PageAttributes(2, fs, attr));
    USE(L4_ProcessorControl(0, ~0UL, ~0UL, ~0UL));
    USE(L4_Sigma0Id().raw);
    USE(L4_Sigma0_GetPage(L4_nilthread, f).raw);
    USE(L4_Sigma0_GetPage_RcvWindow(L4_nilthread, f, L4_CompleteAddressSpace).raw);
    USE(L4_Sigma0_GetAny(L4_nilthread, 12, L4_CompleteAddressSpace).raw);
    L4_KDB_PrintChar('x');
    L4_KDB_PrintString("api\n");
    USE(L4_KDB_ReadChar() + L4_KDB_Stats(0));
    L4_KDB_PowerOff(1);
    return sink;
}
