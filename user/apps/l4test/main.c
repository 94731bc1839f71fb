/*
 * main.c - l4test, the user-level test suite, running as the root server.
 *
 * It prints one line per test and ends with "l4test: N passed, N failed",
 * which the CTest driver judges; then it powers the machine off.
 */
#include "l4test.h"

unsigned test_checks;
bool test_failed;

void test_fail(const char *file, int line, const char *what, L4_Word_t a, L4_Word_t b)
{
	test_failed = true;
	printf("    %s:%d: check failed: %s", file, line, what);
	if (a != b)
		printf(" (%#lx != %#lx)", a, b);
	printf("\n");
}

static unsigned passed, failed;

static void run(const struct test *list)
{
	for (const struct test *t = list; t->fn; t++) {
		test_checks = 0;
		test_failed = false;
		t->fn();
		free_stacks();
		bool ok = !test_failed && test_checks > 0;
		if (!test_failed && test_checks == 0)
			printf("    a test that checks nothing cannot pass\n");
		printf("l4test: %s/%s: %s (%u checks)\n", t->section, t->name, ok ? "ok" : "FAILED",
		       test_checks);
		ok ? passed++ : failed++;
	}
}

int main(void)
{
	kip = L4_GetKernelInterface();
	main_tid = L4_Myself();
	printf("l4test: the Pecan user-level test suite (%s)\n", PECAN_PORT_NAME);
	/* sigma0 gives a page to the thread that asks first: touch all of our
	 * image now, so that our other threads never need to ask. */
	for (L4_Word_t a = ((L4_Word_t *)kip)[18]; a < ((L4_Word_t *)kip)[19]; a += 4096)
		(void)*(volatile char *)a;
	start_pager();

	run(kip_tests);
	run(thread_tests);
	run(ipc_tests);
	run(propagation_tests);
	run(timeout_tests);
	run(string_tests);
	run(last_tests);
	run(last_tests2);
	run(lifecycle_tests);
	run(exception_tests);
	run(map_tests);
	run(fault_tests);
	run(sched_tests);
	run(preemption_tests);
	run(fastpath_tests);
	run(more_tests);
	run(edge_tests);
	run(fuzz_tests);
	if (test_irq_available)
		run(interrupt_tests);
	else
		printf("l4test: interrupts: not on this port yet (no device user mode can raise)\n");

	printf("l4test: %u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
