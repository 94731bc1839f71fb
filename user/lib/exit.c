/*
 * exit.c - how a program ends: power off (the roottask may), else sleep
 * for ever, since a user thread has no other way to stop itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <assert.h>
#include <l4/kdebug.h>
#include <l4/ipc.h>

_Noreturn void exit(int status)
{
    L4_KDB_PowerOff(status == 0);
    for (;;)
        L4_Sleep(L4_Never);     /* not privileged: the call returned */
}

_Noreturn void abort(void)
{
    exit(EXIT_FAILURE);
}

_Noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func)
{
    printf("assertion failed: %s (%s:%d, %s)\n", expr, file, line, func);
    abort();
}
