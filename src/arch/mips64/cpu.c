/* cpu.c - the mips64 port's name, CPU set-up and CPU model, and the
 * per-CPU state of the trap entry. */
#include "context.h"
#include "cp0.h"
#include "kprintf.h"
#include "panic.h"
#include "port.h"

const char port_name[] = "mips64";

static char cpu_name[128];
_Static_assert(sizeof(struct mips_cpu) <= 64, "one lui reaches every field (context.h)");

struct mips_cpu mips_cpu = { .pt_root = &mips_empty_root };

void mips_set_utcb(word_t utcb)
{
	mips_cpu.utcb = utcb;
	if (mips_cpu.userlocal)
		CP0_WRITE64(4, 2, utcb);        /* UserLocal */
}

/* PRId bits 23:16: who made the core */
static const char *company_name(unsigned id)
{
	switch (id) {
	case 0x00: return "legacy";
	case 0x01: return "MIPS Technologies";
	case 0x0d: return "Cavium";
	case 0x14: return "Loongson";
	default: return NULL;
	}
}

/* PRId bits 15:8 of the MIPS Technologies 64-bit cores QEMU models */
static const char *mti_core_name(unsigned id)
{
	switch (id) {
	case 0x81: return "5Kc/5Kf";
	case 0x82: return "20Kc";
	case 0x89: return "5KEc/5KEf";
	case 0xa9: return "I6400";
	case 0xb0: return "I6500";
	default: return NULL;
	}
}

static void describe_cpu(void)
{
	static const char *const arch[] = { "MIPS32", "MIPS64 (32-bit segments)", "MIPS64", "?" };
	static const char *const release[] = { "1", "2", "6", "?", "?", "?", "?", "?" };
	uint32_t prid = cp0_prid(), config = cp0_config();
	unsigned company = (prid >> 16) & 0xff, core = (prid >> 8) & 0xff;
	const char *who = company_name(company);
	const char *what = company == 0x01 ? mti_core_name(core) : NULL;
	char buf[48];
	int n = 0;

	if (who)
		n = ksnprintf(buf, sizeof(buf), "%s ", who);
	else
		n = ksnprintf(buf, sizeof(buf), "company 0x%02x ", company);
	if (what)
		ksnprintf(buf + n, sizeof(buf) - n, "%s", what);
	else
		ksnprintf(buf + n, sizeof(buf) - n, "core 0x%02x", core);
	n = ksnprintf(cpu_name, sizeof(cpu_name), "%s rev 0x%02x (PRId 0x%08x), %s release %s",
		      buf, prid & 0xff, prid, arch[(config >> CONF_AT_SHIFT) & 3],
		      release[(config >> CONF_AR_SHIFT) & 7]);
	if (((config >> 7) & 7) == 1 && (config & CONF_M))     /* MT=1: a TLB */
		ksnprintf(cpu_name + n, sizeof(cpu_name) - n, ", %u-entry TLB",
			  ((cp0_config1() >> CONF1_MMU_SHIFT) & 0x3f) + 1);
}

void port_cpu_init(void)
{
	uint32_t config = cp0_config();

	describe_cpu();
	/* xkphys (port_phys_to_virt) needs the full 64-bit address space. */
	if (((config >> CONF_AT_SHIFT) & 3) != 2)
		panic("cpu: not a MIPS64 with 64-bit segments: %s", cpu_name);
	/* KSEG0 cacheable, write-back, like the xkphys view of the same RAM.
	 * (QEMU has no caches; on a board the firmware has set them up.) */
	cp0_set_config((config & ~CONF_K0) | CONF_K0_CACHED);
	/* User mode may read the cycle counter (rdhwr $2) and its UTCB
	 * pointer (rdhwr $29): from UserLocal if the CPU has it, else
	 * vectors.S emulates the instruction (QEMU's MIPS64R2-generic). */
	mips_cpu.userlocal = (cp0_config3() & CONF3_ULRI) != 0;
	CP0_WRITE(7, 0, HWRENA_BASIC | (mips_cpu.userlocal ? HWRENA_ULR : 0));
}

const char *port_cpu_name(void)
{
	if (!cpu_name[0])
		describe_cpu();
	return cpu_name;
}
