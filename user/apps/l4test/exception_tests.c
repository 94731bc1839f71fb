/*
 * exception_tests.c - exceptions as IPC to the thread's exception handler:
 * the message format (docs/api.md, numbers per port in <port>/exceptions.S)
 * and a reply that moves the IP, or sets a new IP and SP, to resume.
 */
#include "l4test.h"

/* Per port (exceptions.S): message size, where SP and the number are, and
 * for each kind the number it raises and the bytes to skip to go on. */
extern const struct {
	L4_Word_t words, sp_mr, number_mr;
	struct { L4_Word_t number, skip; } kind[5];
} exc_port;
void exc_illegal(void), exc_breakpoint(void), exc_unknown_syscall(void);
void exc_divide(void), exc_misaligned(void);

enum { ILLEGAL, BREAKPOINT, UNKNOWN_SYSCALL, DIVIDE, MISALIGNED };
static void (*const raise_fn[5])(void) = {
	exc_illegal, exc_breakpoint, exc_unknown_syscall, exc_divide, exc_misaligned,
};

#define LABEL_EXCEPTION 0xffffffffffb0ul        /* -5 << 4, as a 48-bit label */

static void raise_and_report(L4_Word_t kind)
{
	L4_Set_ExceptionHandler(main_tid);
	raise_fn[kind]();
	report(0x600d + kind);
}

/* Receive t's exception message, check it, and resume t past the fault. */
static void handle_one(L4_ThreadId_t t, unsigned kind)
{
	L4_Word_t mr[64], v;
	L4_MsgTag_t tag = L4_Receive(t);

	CHECK(L4_IpcSucceeded(tag));
	CHECK_EQ(L4_Label(tag), LABEL_EXCEPTION);
	CHECK_EQ(L4_UntypedWords(tag), exc_port.words);
	CHECK_EQ(L4_TypedWords(tag), 0);
	L4_StoreMRs(1, exc_port.words, mr + 1);
	CHECK_EQ(mr[exc_port.number_mr], exc_port.kind[kind].number);
	CHECK(mr[1] >= (L4_Word_t)raise_fn[kind] && mr[1] < (L4_Word_t)raise_fn[kind] + 32);
	mr[1] += exc_port.kind[kind].skip;
	L4_LoadMRs(1, exc_port.words, mr + 1);
	L4_LoadMR(0, exc_port.words);           /* the reply: the same format */
	CHECK(L4_IpcSucceeded(L4_Reply(t)));
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 0x600d + kind);
}

static void run_kind(unsigned kind)
{
	if (exc_port.kind[kind].number == ~0ul) {       /* this CPU does not trap on it */
		CHECK(true);
		return;
	}
	L4_ThreadId_t t = start_local(raise_and_report, kind, 100);
	handle_one(t, kind);
	kill_thread(t);
}

static void illegal_instruction(void) { run_kind(ILLEGAL); }
static void breakpoint(void) { run_kind(BREAKPOINT); }
static void unknown_system_call(void) { run_kind(UNKNOWN_SYSCALL); }
static void divide_by_zero(void) { run_kind(DIVIDE); }
static void misaligned_access(void) { run_kind(MISALIGNED); }

/* In another space: the message crosses spaces like any IPC. */
static void other_space(void)
{
	L4_ThreadId_t t = start_remote(raise_and_report, ILLEGAL, 100);
	handle_one(t, ILLEGAL);
	kill_thread(t);
}

static char landing_stack[4096] __attribute__((aligned(16)));

static void landing(void)
{
	char here;
	report((L4_Word_t)&here);
	L4_Receive(L4_Myself());
}

/* The reply sets a new IP and SP: the thread goes on there. */
static void new_ip_and_sp(void)
{
	L4_ThreadId_t t = start_local(raise_and_report, ILLEGAL, 100);
	L4_Word_t mr[64], v;

	L4_MsgTag_t tag = L4_Receive(t);
	CHECK(L4_IpcSucceeded(tag));
	L4_StoreMRs(1, exc_port.words, mr + 1);
	mr[1] = (L4_Word_t)landing;
	mr[exc_port.sp_mr] = (L4_Word_t)landing_stack + sizeof landing_stack - 16 - ENTRY_SP_BIAS;
	L4_LoadMRs(1, exc_port.words, mr + 1);
	L4_LoadMR(0, exc_port.words);
	L4_Reply(t);
	CHECK(get_report(t, &v));
	CHECK(v >= (L4_Word_t)landing_stack && v < (L4_Word_t)landing_stack + sizeof landing_stack);
	kill_thread(t);
}

/* No handler: the thread is halted, and everyone else goes on. */
static void no_handler_halts(void)
{
	L4_ThreadId_t t = start_local((void (*)(L4_Word_t))exc_illegal, 0, 100);
	L4_Word_t control, dummy;
	L4_ThreadId_t pager;

	L4_ThreadSwitch(t);
	L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &control, &dummy, &dummy, &dummy,
			     &dummy, &pager);
	CHECK(control & 1);                     /* halted */
	kill_thread(t);
}

const struct test exception_tests[] = {
	{ "exceptions", "illegal_instruction", illegal_instruction },
	{ "exceptions", "breakpoint", breakpoint },
	{ "exceptions", "unknown_system_call", unknown_system_call },
	{ "exceptions", "divide_by_zero_where_it_traps", divide_by_zero },
	{ "exceptions", "misaligned_access_where_it_traps", misaligned_access },
	{ "exceptions", "handler_in_another_space", other_space },
	{ "exceptions", "reply_sets_new_ip_and_sp", new_ip_and_sp },
	{ "exceptions", "no_handler_halts_the_thread", no_handler_halts },
	{ 0 },
};
