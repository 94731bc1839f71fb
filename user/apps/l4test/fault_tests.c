/* fault_tests.c - page faults as IPC to a user pager. */
#include "l4test.h"

/* Touch addr: read (arg bit 0 clear) or write; report what was there. */
static void toucher(L4_Word_t arg)
{
	volatile L4_Word_t *p = (L4_Word_t *)(arg & ~1ul);

	if (arg & 1)
		*p = 0x77;
	report(*p);
}

static void pager_resolves_fault(void)
{
	L4_Word_t page = sigma0_page(), v;
	*(volatile L4_Word_t *)page = 0xfeed;
	serve_extra_page = page;        /* the pager may map this one to children */
	L4_ThreadId_t t = start_remote(toucher, page, 100);

	CHECK(get_report(t, &v));
	CHECK_EQ(v, 0xfeed);
	serve_extra_page = 0;
	kill_thread(t);
}

static void fault_message_format(void)
{
	L4_Word_t page = sigma0_page();
	L4_ThreadId_t t = start_remote(toucher, page | 1, 100);        /* a write */

	CHECK(wait_unserved_fault());
	CHECK(L4_IsThreadEqual(unserved_fault.thread, t));
	CHECK_EQ(unserved_fault.addr, page);
	CHECK_EQ(unserved_fault.label & 0xfffffffffff0ul, 0xffffffffffe0ul);   /* -2 << 4 */
	CHECK_EQ(unserved_fault.label & 2, 2);                  /* w */
	CHECK(unserved_fault.ip != 0);
	kill_thread(t);
}

/* A user thread writing into the kernel's half: a page fault to its pager,
 * never a crash; the kernel lives on. */
static void kernel_address_write(void)
{
	L4_Word_t kernel_addr = ~0ul << 20;     /* the top megabyte: kernel on every port */
	L4_Word_t before = thread_count();
	L4_ThreadId_t t = start_remote(toucher, kernel_addr | 1, 100);

	CHECK(wait_unserved_fault());
	CHECK(L4_IsThreadEqual(unserved_fault.thread, t));
	CHECK_EQ(unserved_fault.addr & ~0xffful, kernel_addr);
	kill_thread(t);
	CHECK_EQ(thread_count(), before);
	L4_Word_t v;                            /* and everything still works */
	t = start_remote(toucher, (L4_Word_t)&shared_pages[0], 100);
	shared_pages[0][0] = 0;
	CHECK(get_report(t, &v));
	kill_thread(t);
}

static void kernel_address_read(void)
{
	L4_Word_t kernel_addr = ~0ul << 21;
	L4_ThreadId_t t = start_remote(toucher, kernel_addr, 100);

	CHECK(wait_unserved_fault());
	CHECK_EQ(unserved_fault.addr & ~0xffful, kernel_addr);
	CHECK_EQ(unserved_fault.label & 2, 0);  /* a read */
	kill_thread(t);
}

const struct test fault_tests[] = {
	{ "faults", "pager_resolves_a_fault", pager_resolves_fault },
	{ "faults", "fault_message_format", fault_message_format },
	{ "faults", "kernel_address_write", kernel_address_write },
	{ "faults", "kernel_address_read", kernel_address_read },
	{ 0 },
};
