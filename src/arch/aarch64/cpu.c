/* cpu.c - which CPU this is, and the CPU state the kernel relies on. */
#include "arch/space.h"
#include "arch/sysreg.h"
#include "kprintf.h"
#include "port.h"

const char port_name[] = PECAN_PORT_NAME;

void port_cpu_init(void)
{
	/* The cycle counter: reset, 64 bits wide, counting at EL0 and EL1. */
	write_sysreg(pmccfiltr_el0, 0);
	write_sysreg(pmcr_el0, read_sysreg(pmcr_el0) | PMCR_E | PMCR_C | PMCR_LC);
	write_sysreg(pmcntenset_el0, PMCNTEN_C);
	/* User mode may read the cycle counter and the virtual count, for
	 * benchmarks; nothing else of the PMU or the timers. */
	write_sysreg(pmuserenr_el0, PMUSERENR_CR);
	write_sysreg(cntkctl_el1, CNTKCTL_EL0VCTEN | CNTKCTL_EL0PTEN);
	/* FP/SIMD traps, at EL1 and EL0: the kernel has no use for it and
	 * does not switch its registers, so user code is built without it
	 * (-mgeneral-regs-only) and a use is a user exception. */
	write_sysreg(cpacr_el1, 0);
	isb();
	arm_space_cpu_init();
	/* Let SErrors (asynchronous aborts) in, so that they panic loudly
	 * instead of staying pending; IRQs wait for port_irq_enable(). */
	__asm__ volatile("msr daifclr, #4" ::: "memory");
}

/* MIDR_EL1 part numbers of Arm Ltd. (implementer 0x41) cores QEMU models. */
static const struct {
	uint16_t part;
	const char *name;
} arm_parts[] = {
	{ 0xd03, "Cortex-A53" }, { 0xd04, "Cortex-A35" }, { 0xd05, "Cortex-A55" },
	{ 0xd07, "Cortex-A57" }, { 0xd08, "Cortex-A72" }, { 0xd09, "Cortex-A73" },
	{ 0xd0b, "Cortex-A76" }, { 0xd0c, "Neoverse-N1" }, { 0xd40, "Neoverse-V1" },
	{ 0xd47, "Cortex-A710" }, { 0xd49, "Neoverse-N2" },
};

const char *port_cpu_name(void)
{
	static char name[64];
	uint64_t midr = read_sysreg(midr_el1);
	unsigned implementer = midr >> 24 & 0xff, variant = midr >> 20 & 0xf;
	unsigned part = midr >> 4 & 0xfff, revision = midr & 0xf;

	for (size_t i = 0; implementer == 0x41 && i < ARRAY_SIZE(arm_parts); i++)
		if (arm_parts[i].part == part) {
			ksnprintf(name, sizeof(name), "ARM %s r%up%u", arm_parts[i].name,
				  variant, revision);
			return name;
		}
	ksnprintf(name, sizeof(name), "implementer 0x%02x part 0x%03x r%up%u",
		  implementer, part, variant, revision);
	return name;
}
