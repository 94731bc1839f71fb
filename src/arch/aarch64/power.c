/*
 * power.c - stopping QEMU with a status.
 * Success: PSCI SYSTEM_OFF, through the conduit the device tree's /psci
 * node names (hvc on virt at EL1, where QEMU itself plays the firmware);
 * QEMU then exits with 0.  Failure, or no PSCI: semihosting SYS_EXIT,
 * whose exit code QEMU passes on (it needs QEMU's -semihosting).
 */
#include "arch/boot.h"
#include "fdt.h"
#include "port.h"
#include "string.h"

#define PSCI_SYSTEM_OFF         0x84000008
#define SEMIHOST_SYS_EXIT       0x18
#define ADP_STOPPED_APP_EXIT    0x20026         /* "the application exited" */

/* An SMC Calling Convention call with no arguments: x0-x17 may change. */
#define SMCCC_CLOBBERS "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", \
	"x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17", "memory"

static void smccc_call(bool hvc, uint64_t fn)
{
	register uint64_t x0 __asm__("x0") = fn;

	if (hvc)
		__asm__ volatile("hvc #0" : "+r"(x0) : : SMCCC_CLOBBERS);
	else
		__asm__ volatile("smc #0" : "+r"(x0) : : SMCCC_CLOBBERS);
}

static void psci_system_off(void)
{
	const void *fdt = arm_fdt();
	const char *method = fdt ? fdt_prop_str(fdt, fdt_path(fdt, "/psci"), "method") : NULL;

	if (method && strcmp(method, "hvc") == 0)
		smccc_call(true, PSCI_SYSTEM_OFF);
	else if (method && strcmp(method, "smc") == 0)
		smccc_call(false, PSCI_SYSTEM_OFF);
}

/* On AArch64, SYS_EXIT takes a block: the reason, then the exit code. */
static void semihost_exit(unsigned code)
{
	uint64_t block[2] = { ADP_STOPPED_APP_EXIT, code };
	register uint64_t x0 __asm__("x0") = SEMIHOST_SYS_EXIT;
	register uint64_t x1 __asm__("x1") = (uintptr_t)block;

	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}

void port_poweroff(bool success)
{
	static bool tried;

	port_irq_disable();
	/* Without -semihosting, hlt is an undefined instruction whose panic
	 * comes back here: try once, then just stop. */
	if (!tried) {
		tried = true;
		if (success)
			psci_system_off();
		semihost_exit(success ? 0 : 1);
	}
	for (;;)
		__asm__ volatile("wfi");
}
