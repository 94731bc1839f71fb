/*
 * l4/kdebug.h - Pecan's kernel debugger call (L4_SYS_KDEBUG in <l4/abi.h>):
 * console output for every thread, power-off for privileged threads.
 */
#ifndef L4_KDEBUG_H
#define L4_KDEBUG_H

#include <l4/types.h>
#include <l4/abi.h>
#include <l4/syscalls.h>

L4_INLINE void L4_KDB_PrintChar(char c)
{
    (void)__L4_KDebug(L4_KDEBUG_PUTC, (L4_Word8_t)c);
}

L4_INLINE void L4_KDB_PrintString(const char *s)
{
    while (*s)
        L4_KDB_PrintChar(*s++);
}

/* A character from the console, or -1 if none is waiting. */
L4_INLINE int L4_KDB_ReadChar(void)
{
    return (int)__L4_KDebug(L4_KDEBUG_GETC, 0);
}

/* Power the machine off; QEMU exits with the port's success or failure
 * status.  Privileged: for anyone else the call returns. */
L4_INLINE void L4_KDB_PowerOff(int success)
{
    (void)__L4_KDebug(L4_KDEBUG_POWEROFF, success ? 1 : 0);
}

/* A kernel counter for tests; which selects it (see the kernel's kdebug). */
L4_INLINE L4_Word_t L4_KDB_Stats(L4_Word_t which)
{
    return __L4_KDebug(L4_KDEBUG_STATS, which);
}

/* Pecan, for tests: switch the kernel's IPC fast path on or off (privileged);
 * returns whether it was on. */
L4_INLINE L4_Word_t L4_KDB_FastPath(L4_Word_t on)
{
    return __L4_KDebug(L4_KDEBUG_FASTPATH, on);
}

#endif
