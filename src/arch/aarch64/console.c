/* console.c - the kernel console: virt's PL011, polled. */
#include "arch/mmu.h"
#include "arch/virt.h"
#include "pl011.h"
#include "port.h"

void port_console_init(void)
{
	pl011_init(arm_device_va(VIRT_UART));
}

void port_console_putc(char c)
{
	pl011_putc(arm_device_va(VIRT_UART), c);
}
