/* boot.h - what the boot loader handed over. */
#ifndef ARCH_BOOT_H
#define ARCH_BOOT_H

#include "types.h"

extern paddr_t arm_boot_dtb;    /* x0 at entry: the device tree's physical address */
extern char _start[], _end[];   /* the kernel image, bss included (kernel.ld) */

/* The device tree, mapped and checked; NULL if the loader passed none. */
const void *arm_fdt(void);

#endif
