/* thread_tests.c - thread IDs, creation and deletion, ExchangeRegisters,
 * privileges. */
#include "l4test.h"

static void my_ids(void)
{
	L4_ThreadId_t me = L4_Myself(), local = L4_MyLocalId();

	CHECK(L4_IsGlobalId(me));
	CHECK(L4_IsLocalId(local));
	CHECK_EQ(L4_GlobalIdOf(local).raw, me.raw);
	CHECK_EQ(L4_LocalIdOf(me).raw, local.raw);
	CHECK_EQ(L4_MyGlobalId().raw, me.raw);
	CHECK(L4_SameThreads(me, local));
}

static void report_arg(L4_Word_t arg) { report(arg * 3); }

static void create_delete_local(void)
{
	L4_Word_t before = thread_count(), v;
	L4_ThreadId_t t = start_local(report_arg, 14, 100);

	CHECK(!L4_IsNilThread(t));
	CHECK_EQ(thread_count(), before + 1);
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 42);
	kill_thread(t);
	CHECK_EQ(thread_count(), before);
}

static void create_delete_remote(void)
{
	L4_Word_t before = thread_count(), nodes = L4_KDB_Stats(L4_KDEBUG_STAT_MAPPINGS), v;
	L4_ThreadId_t t = start_remote(report_arg, 5, 100);

	CHECK(!L4_IsNilThread(t));
	CHECK(get_report(t, &v));
	CHECK_EQ(v, 15);
	kill_thread(t);
	CHECK_EQ(thread_count(), before);
	CHECK_EQ(L4_KDB_Stats(L4_KDEBUG_STAT_MAPPINGS), nodes);  /* the space's mappings went */
}

static void two_in_one_space(void)
{
	L4_Word_t before = thread_count(), v;
	L4_ThreadId_t a = start_remote(report_arg, 1, 100);
	L4_ThreadId_t b = start_in_space_of(a, report_arg, 2, 100);

	CHECK(!L4_IsNilThread(a) && !L4_IsNilThread(b));
	CHECK(get_report(a, &v));
	CHECK_EQ(v, 3);
	CHECK(get_report(b, &v));
	CHECK_EQ(v, 6);
	kill_thread(a);                 /* the space outlives its first thread */
	CHECK_EQ(thread_count(), before + 1);
	kill_thread(b);
	CHECK_EQ(thread_count(), before);
}

static void block_forever(L4_Word_t unused)
{
	(void)unused;
	L4_Receive(L4_Myself());
}

static void exregs_read_write(void)
{
	L4_ThreadId_t t = start_local(block_forever, 0, 100), pager, old_pager;
	L4_Word_t control, sp, ip, flags, handle;

	L4_ThreadSwitch(t);             /* let it block */
	L4_ThreadId_t r = L4_ExchangeRegisters(t, (1 << 3) | (1 << 4) | (1 << 6) | (1 << 7), 0x1230, 0x4560,
					       0, 0x789, main_tid, &control, &sp, &ip, &flags, &handle, &pager);
	CHECK(L4_IsLocalId(r));
	CHECK(control & 2);                     /* it was receiving */
	CHECK(sp != 0 && ip != 0);
	CHECK_EQ(handle, 0);
	r = L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &control, &sp, &ip, &flags,
				 &handle, &old_pager);
	CHECK_EQ(sp, 0x1230);
	CHECK_EQ(ip, 0x4560);
	CHECK_EQ(handle, 0x789);
	CHECK_EQ(old_pager.raw, main_tid.raw);
	CHECK_EQ(L4_UserDefinedHandleOf(t), 0x789);
	L4_Set_PagerOf(t, pager_tid);
	CHECK_EQ(L4_PagerOf(t).raw, pager_tid.raw);
	kill_thread(t);
}

static void exregs_flags(void)
{
	L4_ThreadId_t t = start_local(report_arg, 4, 100);
	L4_Word_t control, sp, ip, flags, handle, v;
	L4_ThreadId_t pager;

	L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &control, &sp, &ip, &flags, &handle, &pager);
	L4_Word_t before = flags;
	/* Every bit asked for: only the bits user mode may change can stick
	 * (never the privilege or interrupt bits), and the thread still runs. */
	L4_ExchangeRegisters(t, 1 << 5, 0, 0, ~0ul, 0, L4_nilthread, &control, &sp, &ip, &flags,
			     &handle, &pager);
	CHECK_EQ(flags, before);                /* the old value comes back */
	L4_ExchangeRegisters(t, 1 << 5, 0, 0, before, 0, L4_nilthread, &control, &sp, &ip, &flags,
			     &handle, &pager);
	CHECK(flags != ~0ul);                   /* what stuck was filtered */
	L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &control, &sp, &ip, &flags, &handle, &pager);
	CHECK_EQ(flags, before);
	CHECK(get_report(t, &v));               /* and it ran fine */
	CHECK_EQ(v, 12);
	kill_thread(t);
}

static volatile L4_Word_t spin_count;

static void spin(L4_Word_t unused)
{
	(void)unused;
	for (;;)
		spin_count++;
}

static void halt_and_resume(void)
{
	L4_ThreadId_t t = start_local(spin, 0, 255);    /* our priority: round robin with us */
	L4_Word_t control, dummy;
	L4_ThreadId_t pager;

	L4_ThreadSwitch(t);                     /* runs until its slice ends */
	CHECK(spin_count > 0);
	L4_Stop(t);
	L4_Word_t frozen = spin_count;
	L4_ThreadSwitch(t);                     /* halted: it must not run */
	L4_ThreadSwitch(L4_nilthread);
	CHECK_EQ(spin_count, frozen);
	L4_ExchangeRegisters(t, 0, 0, 0, 0, 0, L4_nilthread, &control, &dummy, &dummy, &dummy, &dummy, &pager);
	CHECK(control & 1);                     /* reported halted */
	L4_Start(t);
	L4_ThreadSwitch(t);
	CHECK(spin_count > frozen);
	kill_thread(t);
}

static void exregs_other_space(void)
{
	L4_ThreadId_t t = start_remote(block_forever, 0, 100);
	L4_Word_t control, dummy;
	L4_ThreadId_t pager;

	L4_ThreadId_t r = L4_ExchangeRegisters(t, 1 << 6, 0, 0, 0, 0x55, L4_nilthread, &control,
					       &dummy, &dummy, &dummy, &dummy, &pager);
	CHECK(L4_IsNilThread(r));
	CHECK_EQ(L4_ErrorCode(), 2);
	kill_thread(t);
}

static void try_thread_control(L4_Word_t unused)
{
	(void)unused;
	L4_ThreadId_t t = L4_GlobalId(L4_ThreadIdUserBase(kip) + 3000, 1);
	L4_Word_t ok = L4_ThreadControl(t, t, L4_Myself(), L4_nilthread, (void *)~0ul);
	report(ok ? 0xbad : L4_ErrorCode());
}

static void threadcontrol_unprivileged(void)
{
	L4_Word_t before = thread_count(), v;
	L4_ThreadId_t t = start_remote(try_thread_control, 0, 100);

	CHECK(get_report(t, &v));
	CHECK_EQ(v, 1);                         /* no privilege */
	kill_thread(t);
	CHECK_EQ(thread_count(), before);
}

static void try_space_control(L4_Word_t unused)
{
	L4_Word_t control;

	(void)unused;
	L4_Word_t ok = L4_SpaceControl(main_tid, 0, L4_Nilpage, L4_Nilpage, L4_nilthread, &control);
	report(ok ? 0xbad : L4_ErrorCode());
}

static void spacecontrol_unprivileged(void)
{
	L4_Word_t v;
	L4_ThreadId_t t = start_remote(try_space_control, 0, 100);

	CHECK(get_report(t, &v));
	CHECK_EQ(v, 1);
	kill_thread(t);
}

static void try_memory_control(L4_Word_t unused)
{
	L4_Word_t attr[4] = { 0 };

	(void)unused;
	L4_LoadMR(0, L4_Nilpage.raw);
	L4_Word_t ok = L4_MemoryControl(0, attr);
	report(ok ? 0xbad : L4_ErrorCode());
}

static void memorycontrol_unprivileged(void)
{
	L4_Word_t v;
	L4_ThreadId_t t = start_remote(try_memory_control, 0, 100);

	CHECK(get_report(t, &v));
	CHECK_EQ(v, 1);
	kill_thread(t);
}

static void threadcontrol_errors(void)
{
	L4_Word_t base = L4_ThreadIdUserBase(kip);
	L4_ThreadId_t t = new_tid();

	/* Below UserBase: interrupt and kernel threads are not for creating. */
	CHECK(!L4_ThreadControl(L4_GlobalId(base - 1, 1), L4_Myself(), L4_Myself(), L4_nilthread, (void *)~0ul));
	CHECK_EQ(L4_ErrorCode(), 2);
	CHECK(!L4_ThreadControl(t, t, L4_nilthread, L4_nilthread, (void *)~0ul));
	CHECK_EQ(L4_ErrorCode(), 4);            /* no scheduler */
	CHECK(!L4_ThreadControl(t, L4_Myself(), L4_Myself(), L4_nilthread, (void *)0x1234));
	CHECK_EQ(L4_ErrorCode(), 6);            /* not a UTCB location */
	CHECK(!L4_ThreadControl(L4_Myself(), L4_nilthread, L4_nilthread, L4_nilthread, (void *)~0ul));
	CHECK_EQ(L4_ErrorCode(), 2);            /* deleting ourselves */
	CHECK(!L4_ThreadControl(t, L4_nilthread, L4_nilthread, L4_nilthread, (void *)~0ul));
	CHECK_EQ(L4_ErrorCode(), 2);            /* deleting nobody */
	CHECK(!L4_ThreadControl(t, L4_GlobalId(base + 3500, 7), L4_Myself(), L4_nilthread, (void *)~0ul));
	CHECK_EQ(L4_ErrorCode(), 3);            /* a space named by no thread */
}

static void try_power_off(L4_Word_t unused)
{
	(void)unused;
	L4_KDB_PowerOff(1);     /* not privileged: must return */
	report(7);
}

static void poweroff_unprivileged(void)
{
	L4_Word_t v;
	L4_ThreadId_t t = start_remote(try_power_off, 0, 100);

	CHECK(get_report(t, &v));
	CHECK_EQ(v, 7);
	kill_thread(t);
}

const struct test thread_tests[] = {
	{ "threads", "my_ids", my_ids },
	{ "threads", "create_delete_local", create_delete_local },
	{ "threads", "create_delete_remote", create_delete_remote },
	{ "threads", "two_in_one_space", two_in_one_space },
	{ "exregs", "read_write_sp_ip_handle_pager", exregs_read_write },
	{ "exregs", "flags", exregs_flags },
	{ "exregs", "halt_and_resume", halt_and_resume },
	{ "exregs", "other_space_refused", exregs_other_space },
	{ "privileges", "threadcontrol", threadcontrol_unprivileged },
	{ "privileges", "spacecontrol", spacecontrol_unprivileged },
	{ "privileges", "memorycontrol", memorycontrol_unprivileged },
	{ "privileges", "poweroff", poweroff_unprivileged },
	{ "threads", "threadcontrol_errors", threadcontrol_errors },
	{ 0 },
};
