/* trap.c - installing the exception vectors, and naming and printing traps. */
#include "cp0.h"
#include "kprintf.h"
#include "malta.h"
#include "port.h"
#include "tlb.h"

extern char exception_base[];           /* vectors.S */

/* Also the TLB: its refill handlers are among the vectors, and the
 * self-test of user address spaces needs them (and kmem, which is up). */
void port_trap_init(void)
{
	/* EBase may only change while Status.BEV=1, which entry.S left set. */
	cp0_set_ebase((uint32_t)(uintptr_t)exception_base);
	cp0_set_status(cp0_status() & ~(ST_BEV | ST_IM));
	malta_pic_init();
	mips_tlb_init();
	mips_mmu_selftest();
}

const char *cp0_exc_name(unsigned code)
{
	static const char *const names[32] = {
		[0] = "Int", [1] = "Mod", [2] = "TLBL", [3] = "TLBS",
		[4] = "AdEL", [5] = "AdES", [6] = "IBE", [7] = "DBE",
		[8] = "Sys", [9] = "Bp", [10] = "RI", [11] = "CpU",
		[12] = "Ov", [13] = "Tr", [14] = "MSAFPE", [15] = "FPE",
		[18] = "C2E", [19] = "TLBRI", [20] = "TLBXI", [21] = "MSADis",
		[22] = "MDMX", [23] = "WATCH", [24] = "MCheck", [25] = "Thread",
		[26] = "DSPDis", [27] = "GE", [30] = "CacheErr",
	};
	return code < 32 && names[code] ? names[code] : "reserved";
}

static const char reg_names[32][5] = {
	"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
	"a4", "a5", "a6", "a7", "t0", "t1", "t2", "t3",
	"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
	"t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra",
};

void port_frame_dump(const struct trap_frame *f)
{
	uint32_t cause = f->cause, status = f->status;

	kprintf("epc=%016lx badvaddr=%016lx\n", f->epc, f->badvaddr);
	kprintf("status=%08x cause=%08x (%s%s, IP=%02x)\n", status, cause,
		cp0_exc_name(cause_exc_code(cause)), cause & CAUSE_BD ? ", in delay slot" : "",
		(cause & CAUSE_IP) >> CAUSE_IP_SHIFT);
	kprintf("  hi=%016lx   lo=%016lx\n", f->hi, f->lo);
	for (unsigned i = 0; i < 32; i += 4)
		kprintf("%4s=%016lx %4s=%016lx %4s=%016lx %4s=%016lx\n",
			reg_names[i], f->r[i], reg_names[i + 1], f->r[i + 1],
			reg_names[i + 2], f->r[i + 2], reg_names[i + 3], f->r[i + 3]);
}
