/*
 * interrupt_tests.c - interrupts as IPC: a handler attaches to an interrupt
 * thread with ThreadControl, receives an IPC from it when the line fires,
 * and its reply unmasks the line.  The device is one the test raises from
 * user mode (<port>/irq_device.c).
 */
#include "l4test.h"

extern const bool test_irq_available;
extern const unsigned test_irq_line, test_irq_kernel_line;
bool test_irq_setup(void);
void test_irq_raise(void), test_irq_ack(void), test_irq_stop(void);

#define LABEL_INTERRUPT 0xfffffffffff0ul        /* -1 << 4, as a 48-bit label */

static L4_ThreadId_t irq_tid(unsigned line) { return L4_GlobalId(line, 1); }

static bool attach(unsigned line, L4_ThreadId_t handler)
{
	return L4_ThreadControl(irq_tid(line), irq_tid(line), L4_nilthread, handler, (void *)~0ul);
}

static bool detach(unsigned line)
{
	return L4_ThreadControl(irq_tid(line), irq_tid(line), L4_nilthread, irq_tid(line), (void *)~0ul);
}

/* Wait up to a second for the interrupt thread's message. */
static bool got_interrupt(void)
{
	L4_MsgTag_t tag = L4_Receive_Timeout(irq_tid(test_irq_line), L4_TimePeriod(1000000));
	return L4_IpcSucceeded(tag) && L4_Label(tag) == LABEL_INTERRUPT &&
	       L4_UntypedWords(tag) == 0 && L4_TypedWords(tag) == 0;
}

static void attach_receive_reply(void)
{
	L4_Word_t threads = thread_count();

	CHECK(test_irq_setup());
	CHECK(attach(test_irq_line, main_tid));
	test_irq_raise();
	CHECK(got_interrupt());
	test_irq_ack();
	L4_LoadMR(0, 0);
	CHECK(L4_IpcSucceeded(L4_Reply(irq_tid(test_irq_line))));      /* unmasks the line */
	test_irq_raise();
	CHECK(got_interrupt());                 /* so it comes again */
	test_irq_stop();
	L4_LoadMR(0, 0);
	L4_Reply(irq_tid(test_irq_line));
	CHECK(detach(test_irq_line));
	CHECK_EQ(thread_count(), threads);      /* the interrupt thread went with it */
}

static void masked_until_reply(void)
{
	CHECK(attach(test_irq_line, main_tid));
	test_irq_raise();
	CHECK(got_interrupt());
	test_irq_ack();
	test_irq_raise();                       /* again, but we have not replied */
	L4_MsgTag_t tag = L4_Receive_Timeout(irq_tid(test_irq_line), L4_TimePeriod(20000));
	CHECK(L4_IpcFailed(tag));
	CHECK_EQ(L4_ErrorCode(), (1 << 1) | 1); /* nothing: the line is masked */
	L4_LoadMR(0, 0);
	L4_Reply(irq_tid(test_irq_line));
	CHECK(got_interrupt());                 /* now it comes */
	test_irq_stop();
	L4_LoadMR(0, 0);
	L4_Reply(irq_tid(test_irq_line));
	CHECK(detach(test_irq_line));
}

static void queued_while_busy(void)
{
	CHECK(attach(test_irq_line, main_tid));
	test_irq_raise();
	L4_Sleep(L4_TimePeriod(10000));         /* not receiving when it fires */
	L4_MsgTag_t tag = L4_Receive_Timeout(irq_tid(test_irq_line), L4_ZeroTime);
	CHECK(L4_IpcSucceeded(tag));            /* it waited for us, like a sender */
	CHECK_EQ(L4_Label(tag), LABEL_INTERRUPT);
	test_irq_stop();
	L4_LoadMR(0, 0);
	L4_Reply(irq_tid(test_irq_line));
	CHECK(detach(test_irq_line));
}

static void only_the_handler_acknowledges(L4_Word_t unused)
{
	(void)unused;
	L4_LoadMR(0, 0);
	L4_MsgTag_t tag = L4_Send_Timeout(irq_tid(test_irq_line), L4_ZeroTime);
	report(L4_IpcFailed(tag) ? L4_ErrorCode() : 0);
}

static void others_cannot_acknowledge(void)
{
	L4_Word_t v;

	CHECK(attach(test_irq_line, main_tid));
	L4_ThreadId_t t = start_local(only_the_handler_acknowledges, 0, 100);
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 2 << 1);                    /* no such partner for it */
	kill_thread(t);
	CHECK(detach(test_irq_line));
}

static void bad_lines_refused(void)
{
	CHECK(!attach(test_irq_kernel_line, main_tid));
	CHECK_EQ(L4_ErrorCode(), 2);            /* the kernel's own timer */
	L4_ThreadId_t kernel_thread = L4_GlobalId(L4_ThreadIdSystemBase(kip), 1);
	CHECK(!L4_ThreadControl(kernel_thread, kernel_thread, L4_nilthread, main_tid, (void *)~0ul));
	CHECK_EQ(L4_ErrorCode(), 2);            /* a kernel thread is no interrupt */
	CHECK(!attach(test_irq_line, L4_GlobalId(L4_ThreadIdUserBase(kip) + 3995, 1)));
	CHECK_EQ(L4_ErrorCode(), 2);            /* no such handler */
}

static void try_attach(L4_Word_t line)
{
	bool ok = attach(line, L4_Myself());
	report(ok ? 0xbad : L4_ErrorCode());
}

static void unprivileged_refused(void)
{
	L4_Word_t v;
	L4_ThreadId_t t = start_remote(try_attach, test_irq_line, 100);

	CHECK(get_report(t, &v));
	CHECK_EQ(v, 1);
	kill_thread(t);
}

const struct test interrupt_tests[] = {
	{ "interrupts", "attach_receive_reply", attach_receive_reply },
	{ "interrupts", "masked_until_the_reply", masked_until_reply },
	{ "interrupts", "queued_while_the_handler_is_busy", queued_while_busy },
	{ "interrupts", "only_the_handler_acknowledges", others_cannot_acknowledge },
	{ "interrupts", "bad_lines_and_handlers_refused", bad_lines_refused },
	{ "interrupts", "unprivileged_attach_refused", unprivileged_refused },
	{ 0 },
};
