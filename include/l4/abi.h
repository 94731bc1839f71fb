/*
 * l4/abi.h - Pecan's binary interface, shared by the kernel and user code:
 * system call numbers, the UTCB layout, the boot-time thread numbers and the
 * Pecan debug calls.  docs/api.md describes each; a test checks that the
 * numbers there match this file.
 */
#ifndef L4_ABI_H
#define L4_ABI_H

/* System call numbers (the first register of a system call on every port). */
#define L4_SYS_KERNEL_INTERFACE   0
#define L4_SYS_IPC                1
#define L4_SYS_LIPC               2
#define L4_SYS_UNMAP              3
#define L4_SYS_EXCHANGE_REGISTERS 4
#define L4_SYS_SYSTEM_CLOCK       5
#define L4_SYS_THREAD_SWITCH      6
#define L4_SYS_SCHEDULE           7
#define L4_SYS_SPACE_CONTROL      8
#define L4_SYS_THREAD_CONTROL     9
#define L4_SYS_PROCESSOR_CONTROL  10
#define L4_SYS_MEMORY_CONTROL     11
#define L4_SYS_KDEBUG             12    /* Pecan: kernel debugger calls below */
#define L4_SYS_COUNT              13

/* L4_SYS_KDEBUG operations (first argument). */
#define L4_KDEBUG_PUTC     0    /* write the character in the second argument */
#define L4_KDEBUG_GETC     1    /* read a character, -1 if none */
#define L4_KDEBUG_POWEROFF 2    /* privileged: power off, second argument 1 = success */
#define L4_KDEBUG_STATS    3    /* counters for tests: second argument selects */
#define L4_KDEBUG_MAPPED   4    /* rights of the caller's own mapping at the address (0: none) */
#define L4_KDEBUG_FASTPATH 5    /* privileged: IPC fast path on (1) or off (0); returns the old setting */

/* L4_KDEBUG_STATS selectors. */
#define L4_KDEBUG_STAT_THREADS  0       /* threads alive */
#define L4_KDEBUG_STAT_MAPPINGS 1       /* mapping database nodes */
#define L4_KDEBUG_STAT_FASTPATH 2       /* IPCs the assembly fast path has done since boot */
#define L4_KDEBUG_STAT_KMEM_FREE 3      /* bytes of kernel memory free */

/*
 * The UTCB, as Pistachio lays it out on x86, on every port: the UTCB pointer
 * (the thread's local ID) addresses MR0; the thread control registers and
 * the buffer registers lie below it, word-indexed.
 */
#define L4_UTCB_MR(i)              (i)          /* 0..63 */
#define L4_UTCB_RESERVED1          (-2)         /* Pecan: the UTCB pointer itself */
#define L4_UTCB_THREAD_WORD0       (-4)
#define L4_UTCB_THREAD_WORD1       (-5)
#define L4_UTCB_VIRTUAL_SENDER     (-6)         /* also ActualSender */
#define L4_UTCB_INTENDED_RECEIVER  (-7)
#define L4_UTCB_XFER_TIMEOUTS      (-8)
#define L4_UTCB_ERROR_CODE         (-9)
#define L4_UTCB_FLAGS              (-10)        /* preempt flags 0-7, cop flags 8-15 */
#define L4_UTCB_EXCEPTION_HANDLER  (-11)
#define L4_UTCB_PAGER              (-12)
#define L4_UTCB_USER_HANDLE        (-13)
#define L4_UTCB_PROCESSOR_NO       (-14)
#define L4_UTCB_MY_GLOBAL_ID       (-15)
#define L4_UTCB_BR(i)              (-16 - (int)(i))     /* 0..32; int: never an unsigned wrap */

#define L4_UTCB_SIZE_LOG2   10  /* one UTCB block: 1 KiB, aligned to it */
#define L4_UTCB_MR0_OFFSET  512 /* the UTCB pointer is the block + 512 bytes */
#define L4_NUM_MRS          64
#define L4_NUM_BRS          33

#endif
