/* propagation_tests.c - propagated IPC (the virtual sender) and redirection. */
#include "l4test.h"

#define TAG_P (1ul << 12)
#define TAG_R (1ul << 13)

static L4_ThreadId_t server_tid;

/* The proxy takes a call and passes it on to the server on its caller's
 * behalf: propagated, with the caller as the virtual sender. */
static void proxy(L4_Word_t unused)
{
	L4_ThreadId_t from;
	(void)unused;
	L4_MsgTag_t tag = L4_Wait(&from);
	L4_Set_VirtualSender(from);
	L4_Set_Propagation(&tag);
	L4_Set_MsgTag(tag);
	L4_Send(server_tid);
}

/* The server answers whoever it believes called: +1 on MR1, and tells in
 * MR2 whether it saw the p flag, in MR3 the actual sender. */
static void server(L4_Word_t unused)
{
	L4_ThreadId_t from;
	L4_Word_t w;
	(void)unused;
	L4_MsgTag_t tag = L4_Wait(&from);
	L4_StoreMR(1, &w);
	L4_LoadMR(1, w + 1);
	L4_LoadMR(2, L4_IpcPropagated(tag));
	L4_LoadMR(3, L4_ActualSender().raw);
	L4_LoadMR(0, 3);
	L4_Reply(from);
}

static void propagated_call(void)
{
	L4_ThreadId_t p = start_local(proxy, 0, 100);
	server_tid = start_local(server, 0, 100);
	L4_Word_t w;

	L4_LoadMR(1, 41);
	L4_LoadMR(0, 1);
	L4_MsgTag_t tag = L4_Call(p);           /* we call the proxy ... */
	CHECK(L4_IpcSucceeded(tag));
	L4_StoreMR(1, &w);
	CHECK_EQ(w, 42);                        /* ... and the server answers us directly */
	L4_StoreMR(2, &w);
	CHECK_EQ(w, 1);                         /* it saw the p flag */
	L4_StoreMR(3, &w);
	CHECK_EQ(w, L4_LocalIdOf(p).raw);       /* and the proxy as the actual sender */
	kill_thread(p);
	kill_thread(server_tid);
}

/* From another space, pretending to be us: not allowed, the flag is dropped. */
static void forger(L4_Word_t unused)
{
	(void)unused;
	L4_MsgTag_t tag = { .raw = 1 };
	L4_Set_VirtualSender(main_tid);
	L4_Set_Propagation(&tag);
	L4_LoadMR(1, 7);
	L4_Set_MsgTag(tag);
	L4_Send(server_tid);
}

static void forged_propagation_dropped(void)
{
	server_tid = start_local(reporting_receiver, 0, 100);
	L4_ThreadId_t f = start_remote(forger, 0, 100);
	L4_Word_t v;

	CHECK(get_report(server_tid, &v));
	CHECK_EQ(v, f.raw);                     /* it sees the real sender ... */
	CHECK(get_report(server_tid, &v));
	CHECK_EQ(v, 0);                         /* ... and no p flag */
	kill_thread(f);
	kill_thread(server_tid);
}

static void redirected(void)
{
	L4_ThreadId_t r = start_local(reporting_receiver, 0, 100);
	L4_ThreadId_t child = start_remote(sender_to_main, 0, 100);
	L4_Word_t control, v;

	/* Its space gets r as redirector before it runs. */
	CHECK(L4_SpaceControl(child, 0, L4_Nilpage, L4_Nilpage, L4_GlobalIdOf(r), &control));
	CHECK(get_report(r, &v));
	CHECK_EQ(v, child.raw);                 /* the redirector got the message */
	CHECK(get_report(r, &v));
	CHECK_EQ(v, TAG_R);                     /* marked redirected */
	CHECK(get_report(r, &v));
	CHECK_EQ(v, main_tid.raw);              /* for us */
	kill_thread(child);
	kill_thread(r);
}

const struct test propagation_tests[] = {
	{ "ipc", "propagation_through_a_proxy", propagated_call },
	{ "ipc", "propagation_from_another_space_dropped", forged_propagation_dropped },
	{ "ipc", "redirection_to_the_redirector", redirected },
	{ 0 },
};
