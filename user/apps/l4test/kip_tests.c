/* kip_tests.c - every KIP field against what the kernel booted with. */
#include "l4test.h"
#include <l4/abi.h>
#include <string.h>

extern char _start[];           /* crt0: our entry point */

static L4_Word_t word(unsigned i) { return ((L4_Word_t *)kip)[i]; }

static void magic(void)
{
	CHECK(memcmp(kip, "L4\346K", 4) == 0);
	CHECK_EQ(((unsigned char *)kip)[4] | ((unsigned char *)kip)[7], 0);
	CHECK_EQ((L4_Word_t)kip & 0xfff, 0);
}

static void api_version(void)
{
	L4_Word_t version, flags, id;
	void *k = L4_KernelInterface(&version, &flags, &id);

	CHECK(k == kip);
	CHECK_EQ(version >> 24, 0x84);          /* X.2 */
	CHECK_EQ((version >> 16) & 0xff, 5);
	CHECK_EQ(version, word(1));
	CHECK_EQ(flags, word(2));
}

static void api_flags(void)
{
	L4_Word_t flags = L4_ApiFlags();

	CHECK_EQ((flags >> 2) & 3, 1);          /* 64-bit words */
	CHECK_EQ(flags & 3, __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__ ? 1 : 0);
}

static bool contains(const char *s, const char *part)
{
	for (size_t n = strlen(part); *s; s++)
		if (strncmp(s, part, n) == 0)
			return true;
	return false;
}

static void kernel_descriptor(void)
{
	L4_Word_t supplier = L4_KernelSupplier(kip);

	CHECK(word(3) > 0x240 && word(3) < 4096);
	CHECK_EQ(L4_KernelId() >> 24, 0x50);
	CHECK(memcmp(&supplier, "Pcn ", 4) == 0);
	CHECK(strncmp(L4_KernelVersionString(kip), "Pecan ", 6) == 0);
	CHECK(contains(L4_KernelVersionString(kip), PECAN_PORT_NAME));
}

static void memory_descriptors(void)
{
	L4_Word_t n = L4_NumMemoryDescriptors(kip), here = (L4_Word_t)&magic;
	bool covers_us = false, has_reserved = false;

	CHECK(n > 1);
	for (L4_Word_t i = 0; i < n; i++) {
		L4_MemoryDesc_t *d = L4_MemoryDesc(kip, i);
		CHECK(L4_MemoryDescLow(d) < L4_MemoryDescHigh(d));
		CHECK(!L4_IsMemoryDescVirtual(d));
		if (L4_MemoryDescType(d) == 1 && L4_MemoryDescLow(d) <= here && here <= L4_MemoryDescHigh(d))
			covers_us = true;
		if (L4_MemoryDescType(d) == 2)
			has_reserved = true;
	}
	CHECK(covers_us);               /* our image is in conventional memory */
	CHECK(has_reserved);            /* the kernel's own memory is marked */
}

static void thread_info(void)
{
	L4_Word_t user = L4_ThreadIdUserBase(kip);

	CHECK(L4_ThreadIdSystemBase(kip) < user);
	CHECK(L4_ThreadIdBits(kip) >= 9);
	CHECK_EQ(L4_ThreadNo(L4_Myself()), user + 2);   /* the root server */
	CHECK_EQ(L4_Version(L4_Myself()), 1);
	CHECK_EQ(word(49) >> 20 & 0xfff, user);
}

static void utcb_and_kip_areas(void)
{
	CHECK_EQ(L4_UtcbSize(kip), 1024);
	CHECK_EQ(L4_UtcbAlignmentLog2(kip), 10);
	CHECK_EQ(L4_UtcbAreaSizeLog2(kip), 12);
	CHECK_EQ(L4_KipAreaSizeLog2(kip), 12);
	CHECK_EQ(L4_MyLocalId().raw & 1023, 512);       /* UTCB pointer = block + 512 */
}

static void page_info(void)
{
	CHECK(L4_PageSizeMask(kip) & (1ul << 12));
	CHECK(L4_PageRights(kip) & 2);          /* write protection, at least */
}

static void processors_and_clock(void)
{
	CHECK_EQ(L4_NumProcessors(kip), 1);
	CHECK(L4_ReadPrecision(kip) != 0);
	CHECK(L4_SchedulePrecision(kip) != 0);
	CHECK_EQ(word(47) & 7, 0);              /* processor descriptors: aligned */
}

static void initial_servers(void)
{
	L4_Word_t s0_low = word(10), s0_high = word(11);

	CHECK_EQ(word(17), (L4_Word_t)_start);  /* root server IP: our entry */
	CHECK(word(18) <= (L4_Word_t)_start && (L4_Word_t)_start < word(19));
	CHECK(s0_low < s0_high);
	CHECK(s0_high <= word(18) || s0_low >= word(19));       /* disjoint images */
	CHECK(word(9) >= s0_low && word(9) < s0_high);          /* sigma0 IP inside its image */
}

static void syscall_links(void)
{
	static const L4_Word_t expected[] = {
		L4_SYS_SPACE_CONTROL, L4_SYS_THREAD_CONTROL, L4_SYS_PROCESSOR_CONTROL,
		L4_SYS_MEMORY_CONTROL, L4_SYS_IPC, L4_SYS_LIPC, L4_SYS_UNMAP,
		L4_SYS_EXCHANGE_REGISTERS, L4_SYS_SYSTEM_CLOCK, L4_SYS_THREAD_SWITCH,
		L4_SYS_SCHEDULE,
	};
	for (unsigned i = 0; i < sizeof expected / sizeof expected[0]; i++)
		CHECK_EQ(word(52 + i), expected[i]);
}

static void read_only_in_user_mode(void);

const struct test kip_tests[] = {
	{ "kip", "magic", magic },
	{ "kip", "api_version", api_version },
	{ "kip", "api_flags", api_flags },
	{ "kip", "kernel_descriptor", kernel_descriptor },
	{ "kip", "memory_descriptors", memory_descriptors },
	{ "kip", "thread_info", thread_info },
	{ "kip", "utcb_and_kip_areas", utcb_and_kip_areas },
	{ "kip", "page_info", page_info },
	{ "kip", "processors_and_clock", processors_and_clock },
	{ "kip", "initial_servers", initial_servers },
	{ "kip", "syscall_links", syscall_links },
	{ "kip", "read_only", read_only_in_user_mode },
	{ 0 },
};

/* A child writes to its KIP: the write faults to its pager, which does not
 * serve it; the kernel lives on and we remove the child. */
static void write_kip(L4_Word_t unused)
{
	(void)unused;
	*(volatile L4_Word_t *)L4_GetKernelInterface() = 0;
}

static void read_only_in_user_mode(void)
{
	L4_ThreadId_t t = start_remote(write_kip, 0, 100);

	CHECK(!L4_IsNilThread(t));
	CHECK(wait_unserved_fault());
	CHECK(L4_IsThreadEqual(unserved_fault.thread, t));
	CHECK_EQ(unserved_fault.addr & ~0xffful, (L4_Word_t)kip);       /* the child's KIP */
	CHECK(unserved_fault.label & 2);        /* a write */
	kill_thread(t);
	CHECK(memcmp(kip, "L4\346K", 4) == 0);         /* unchanged */
}
