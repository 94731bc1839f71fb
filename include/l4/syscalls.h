/*
 * l4/syscalls.h - the X.2 system calls, written once for every port.
 *
 * Each call puts its arguments in the seven argument registers of the
 * port's trap (<l4/arch/syscalls.h>, __L4_Trap) and takes its results from
 * the same registers, in the order docs/api.md lists them.  Unused
 * arguments are passed as 0.  Message registers live in the UTCB, except
 * that Ipc and Lipc carry MR0 (the tag) in argument register 4 both ways.
 */
#ifndef L4_SYSCALLS_H
#define L4_SYSCALLS_H

#include <l4/types.h>
#include <l4/abi.h>
#include <l4/vregs.h>
#include <l4/arch/syscalls.h>

/* ---- The message tag (MR0), needed by the Ipc result ------------------------
 * u bits 0-5, t bits 6-11, flags bits 12-15 (p, r, X, E), label bits 16 up.
 */
typedef union {
    L4_Word_t raw;
    struct {
        L4_BITFIELD4(L4_Word_t,
            u : 6,
            t : 6,
            flags : 4,
            label : L4_BITS_PER_WORD - 16);
    } X;
} L4_MsgTag_t;

/* ---- KernelInterface ------------------------------------------------------- */

L4_INLINE void *L4_KernelInterface(L4_Word_t *ApiVersion, L4_Word_t *ApiFlags,
                                   L4_Word_t *KernelId)
{
    L4_Word_t a[7] = { 0 };
    __L4_Trap(L4_SYS_KERNEL_INTERFACE, a);
    *ApiVersion = a[1];
    *ApiFlags = a[2];
    *KernelId = a[3];
    return (void *)a[0];
}

/* ---- ExchangeRegisters ------------------------------------------------------- */

L4_INLINE L4_ThreadId_t L4_ExchangeRegisters(L4_ThreadId_t dest, L4_Word_t control,
                                             L4_Word_t sp, L4_Word_t ip,
                                             L4_Word_t flags, L4_Word_t UserDefHandle,
                                             L4_ThreadId_t pager,
                                             L4_Word_t *old_control, L4_Word_t *old_sp,
                                             L4_Word_t *old_ip, L4_Word_t *old_flags,
                                             L4_Word_t *old_UserDefHandle,
                                             L4_ThreadId_t *old_pager)
{
    L4_Word_t a[7] = { dest.raw, control, sp, ip, flags, UserDefHandle, pager.raw };
    L4_ThreadId_t result;

    __L4_Trap(L4_SYS_EXCHANGE_REGISTERS, a);
    result.raw = a[0];
    *old_control = a[1];
    *old_sp = a[2];
    *old_ip = a[3];
    *old_flags = a[4];
    *old_UserDefHandle = a[5];
    old_pager->raw = a[6];
    return result;
}

/* ---- ThreadControl, SpaceControl --------------------------------------------- */

L4_INLINE L4_Word_t L4_ThreadControl(L4_ThreadId_t dest, L4_ThreadId_t SpaceSpecifier,
                                     L4_ThreadId_t Scheduler, L4_ThreadId_t Pager,
                                     void *UtcbLocation)
{
    L4_Word_t a[7] = { dest.raw, SpaceSpecifier.raw, Scheduler.raw, Pager.raw,
                       (L4_Word_t)UtcbLocation, 0, 0 };
    __L4_Trap(L4_SYS_THREAD_CONTROL, a);
    return a[0];
}

L4_INLINE L4_Word_t L4_SpaceControl(L4_ThreadId_t SpaceSpecifier, L4_Word_t control,
                                    L4_Fpage_t KernelInterfacePageArea,
                                    L4_Fpage_t UtcbArea, L4_ThreadId_t Redirector,
                                    L4_Word_t *old_control)
{
    L4_Word_t a[7] = { SpaceSpecifier.raw, control, KernelInterfacePageArea.raw,
                       UtcbArea.raw, Redirector.raw, 0, 0 };
    __L4_Trap(L4_SYS_SPACE_CONTROL, a);
    *old_control = a[1];
    return a[0];
}

/* ---- SystemClock, ThreadSwitch, Schedule -------------------------------------- */

L4_INLINE L4_Clock_t L4_SystemClock(void)
{
    L4_Word_t a[7] = { 0 };
    L4_Clock_t c;
    __L4_Trap(L4_SYS_SYSTEM_CLOCK, a);
    c.raw = a[0];
    return c;
}

L4_INLINE void L4_ThreadSwitch(L4_ThreadId_t dest)
{
    L4_Word_t a[7] = { dest.raw, 0, 0, 0, 0, 0, 0 };
    __L4_Trap(L4_SYS_THREAD_SWITCH, a);
}

L4_INLINE L4_Word_t L4_Schedule(L4_ThreadId_t dest, L4_Word_t TimeControl,
                                L4_Word_t ProcessorControl, L4_Word_t PrioControl,
                                L4_Word_t PreemptionControl, L4_Word_t *old_TimeControl)
{
    L4_Word_t a[7] = { dest.raw, TimeControl, ProcessorControl, PrioControl,
                       PreemptionControl, 0, 0 };
    __L4_Trap(L4_SYS_SCHEDULE, a);
    *old_TimeControl = a[1];
    return a[0];
}

/* ---- Ipc, Lipc ------------------------------------------------------------------
 * MR0 goes out in argument register 4 and the received MR0 comes back there;
 * it is also stored to the UTCB, so L4_MsgTag() and L4_MsgStore() see it.
 * *from is written only when there was a receive phase.
 */

L4_INLINE L4_MsgTag_t __L4_Ipc(L4_Word_t nr, L4_ThreadId_t to, L4_ThreadId_t FromSpecifier,
                               L4_Word_t Timeouts, L4_ThreadId_t *from)
{
    L4_Word_t *utcb = __L4_Utcb();
    L4_Word_t a[7] = { to.raw, FromSpecifier.raw, Timeouts, utcb[L4_UTCB_MR(0)], 0, 0, 0 };
    L4_MsgTag_t tag;

    __L4_Trap(nr, a);
    utcb[L4_UTCB_MR(0)] = a[3];
    if (!L4_IsNilThread(FromSpecifier))
        from->raw = a[0];
    tag.raw = a[3];
    return tag;
}

L4_INLINE L4_MsgTag_t L4_Ipc(L4_ThreadId_t to, L4_ThreadId_t FromSpecifier,
                             L4_Word_t Timeouts, L4_ThreadId_t *from)
{
    return __L4_Ipc(L4_SYS_IPC, to, FromSpecifier, Timeouts, from);
}

L4_INLINE L4_MsgTag_t L4_Lipc(L4_ThreadId_t to, L4_ThreadId_t FromSpecifier,
                              L4_Word_t Timeouts, L4_ThreadId_t *from)
{
    return __L4_Ipc(L4_SYS_LIPC, to, FromSpecifier, Timeouts, from);
}

/* ---- Unmap, ProcessorControl, MemoryControl ------------------------------------ */

/* Fpages in MR0...MRk (k = control bits 0-5), flush = bit 6; the fpages come
 * back in the same MRs with status bits in place of the rights. */
L4_INLINE void L4_Unmap(L4_Word_t control)
{
    L4_Word_t a[7] = { control, 0, 0, 0, 0, 0, 0 };
    __L4_Trap(L4_SYS_UNMAP, a);
}

L4_INLINE L4_Word_t L4_ProcessorControl(L4_Word_t ProcessorNo, L4_Word_t InternalFrequency,
                                        L4_Word_t ExternalFrequency, L4_Word_t voltage)
{
    L4_Word_t a[7] = { ProcessorNo, InternalFrequency, ExternalFrequency, voltage, 0, 0, 0 };
    __L4_Trap(L4_SYS_PROCESSOR_CONTROL, a);
    return a[0];
}

/* Fpages in MR0...MRk (k = control bits 0-5); attributes[0..3]. */
L4_INLINE L4_Word_t L4_MemoryControl(L4_Word_t control, const L4_Word_t *attributes)
{
    L4_Word_t a[7] = { control, attributes[0], attributes[1], attributes[2],
                       attributes[3], 0, 0 };
    __L4_Trap(L4_SYS_MEMORY_CONTROL, a);
    return a[0];
}

/* ---- Pecan's kernel debugger call (<l4/kdebug.h> wraps it) ------------------- */

L4_INLINE L4_Word_t __L4_KDebug(L4_Word_t op, L4_Word_t arg)
{
    L4_Word_t a[7] = { op, arg, 0, 0, 0, 0, 0 };
    __L4_Trap(L4_SYS_KDEBUG, a);
    return a[0];
}

#endif
