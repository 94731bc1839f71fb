/*
 * sigma0 - the root pager (X.2 §10).
 *
 * sigma0 holds all physical memory 1:1: the kernel resolves sigma0's own
 * page faults at virtual = physical address, and lets it send map items for
 * any conventional physical page from there.  It hands that memory out, each
 * page to one client, over IPC.  One message at a time; every reply goes out
 * with ReplyWait (zero send timeout), so a client that stopped waiting cannot
 * block sigma0.
 *
 * Requests (labels are compared on their low 16 bits, so a sender may
 * extend them with zeros or, as X.2 says, with ones):
 *
 *   RPC          label 0xffa0 (-6 << 4), u = 2, t = 0
 *                MR1 = the wanted fpage: base and size, rights ignored; a base
 *                      of all ones asks for any free page of that size
 *                MR2 = memory attributes: 0 default, else set with
 *                      MemoryControl on sigma0's mapping before it is sent
 *   reply        u = 0, t = 2: one map item, the fpage with full rights at
 *                SndBase = its physical address; a nil fpage when refused
 *
 *   page fault   label 0xffe0 | rwx, u = 2, t = 0 (from threads whose pager
 *                is sigma0: the root server, sigma1), MR1 = address, MR2 = IP
 *   reply        a map item of the smallest page that holds the address,
 *                1:1, full rights.  A refused fault gets no reply: sigma0
 *                prints it and the thread stays blocked.
 *
 * Policy: the memory is what the KIP's physical memory descriptors call
 * conventional (where descriptors overlap, the later one counts).  The first
 * thread to get a page owns it and only that thread gets it again; a fresh
 * request ("any page") takes only pages nobody owns, and never page 0.
 * Everything else (reserved for the kernel, dedicated, shared, boot loader,
 * architecture-specific) is refused.  The images of sigma0, sigma1 and the
 * root server (their KIP low and high words: first and last byte) belong to
 * those threads from the start.  Owners are thread IDs, as X.2 says, so
 * another thread of the root server's space is a different client.
 */
#include <stdio.h>
#include <string.h>
#include <l4/kip.h>
#include <l4/ipc.h>
#include <l4/message.h>
#include <l4/misc.h>

#define LABEL_PAGE_FAULT        0xffe0  /* | rwx */
#define LABEL_SIGMA0_RPC        0xffa0
#define MAX_REGIONS             1024

/* Owned memory: [base, end), sorted by address, disjoint; neighbours with
 * the same owner are merged. */
struct region {
    L4_Word_t base, end;
    L4_Word_t owner;            /* a global thread ID */
};

static struct region regions[MAX_REGIONS];
static unsigned nregions;

static L4_KernelInterfacePage_t *kip;
static L4_Word_t page_log2;     /* the smallest page the kernel maps */

/* ---- What the KIP says about physical memory ------------------------------ */

/*
 * The type of physical address a, and in *next the first address above a
 * where the type may change (0: none, the type holds to the top).
 */
static L4_Word_t mem_type(L4_Word_t a, L4_Word_t *next)
{
    L4_Word_t type = L4_UndefinedMemoryType, n = 0;

    for (L4_Word_t i = 0; i < L4_NumMemoryDescriptors(kip); i++) {
        L4_MemoryDesc_t *d = L4_MemoryDesc(kip, i);
        L4_Word_t lo = L4_MemoryDescLow(d), hi = L4_MemoryDescHigh(d), b;

        if (L4_IsMemoryDescVirtual(d))
            continue;
        if (a >= lo && a <= hi) {
            type = L4_MemoryDescType(d);        /* later descriptors win */
            b = hi + 1;
        } else if (a < lo) {
            b = lo;
        } else {
            continue;
        }
        if (b != 0 && (n == 0 || b < n))
            n = b;
    }
    *next = n;
    return type;
}

/* Is [a, e) all memory of the given type?  If not, *resume is past the
 * first part that is not (0: nothing above it is). */
static int all_of_type(L4_Word_t a, L4_Word_t e, L4_Word_t type, L4_Word_t *resume)
{
    while (a < e) {
        L4_Word_t next;
        if (mem_type(a, &next) != type) {
            *resume = next;
            return 0;
        }
        if (next == 0)
            break;
        a = next;
    }
    return 1;
}

static int conventional(L4_Word_t a, L4_Word_t e, L4_Word_t *resume)
{
    return all_of_type(a, e, L4_ConventionalMemoryType, resume);
}

/* ---- Who owns what ---------------------------------------------------------- */

/* Does a thread other than client own part of [a, e)?  (client 0: any
 * owner counts.)  If so, *resume is the end of its region. */
static int owned_by_other(L4_Word_t a, L4_Word_t e, L4_Word_t client, L4_Word_t *resume)
{
    for (unsigned i = 0; i < nregions && regions[i].base < e; i++) {
        if (regions[i].end > a && regions[i].owner != client) {
            *resume = regions[i].end;
            return 1;
        }
    }
    return 0;
}

/*
 * Record [a, e) as owner's.  On entry nobody else owns any of it.  Regions
 * of owner's that overlap or touch it merge with it; 0 if the table is full.
 */
static int claim(L4_Word_t a, L4_Word_t e, L4_Word_t owner)
{
    unsigned i = 0, j;

    while (i < nregions && regions[i].end < a)
        i++;
    if (i < nregions && regions[i].end == a && regions[i].owner != owner)
        i++;                            /* a neighbour, not ours */
    for (j = i; j < nregions && regions[j].base <= e && regions[j].owner == owner; j++) {
        if (regions[j].base < a)
            a = regions[j].base;
        if (regions[j].end > e)
            e = regions[j].end;
    }
    if (j == i) {                       /* nothing to merge: insert at i */
        if (nregions == MAX_REGIONS)
            return 0;
        memmove(&regions[i + 1], &regions[i], (nregions - i) * sizeof regions[0]);
        nregions++;
    } else {                            /* regions i..j-1 become one */
        memmove(&regions[i + 1], &regions[j], (nregions - j) * sizeof regions[0]);
        nregions -= j - i - 1;
    }
    regions[i] = (struct region){ a, e, owner };
    return 1;
}

/* A server's image (KIP low and high: its first and last byte) is its own. */
static void preown(const L4_KipServer_t *server, L4_ThreadId_t owner, const char *name)
{
    L4_Word_t page = 1UL << page_log2, lo, hi, dummy;

    if (server->high == 0 || server->high < server->low)
        return;                         /* no such server */
    lo = server->low & ~(page - 1);
    hi = (server->high & ~(page - 1)) + page;
    if (owned_by_other(lo, hi, owner.raw, &dummy) || !claim(lo, hi, owner.raw))
        printf("sigma0: cannot reserve the %s image [%lx-%lx]\n", name, lo, hi);
}

/* ---- Serving ------------------------------------------------------------------ */

/* The fpage f asks for, now client's, with full rights; nil if refused. */
static L4_Fpage_t request(L4_Fpage_t f, L4_Word_t client)
{
    L4_Word_t s = L4_SizeLog2(f), size, a, resume;

    if (s < page_log2 || s >= L4_BITS_PER_WORD)
        return L4_Nilpage;
    size = 1UL << s;

    if ((f.raw >> 10) == (~0UL >> 10)) {
        /* Any free page: the lowest one, stepping past each obstacle. */
        for (a = size;;) {
            if (a + size - 1 < a)
                return L4_Nilpage;      /* reached the top */
            if (conventional(a, a + size, &resume) && !owned_by_other(a, a + size, 0, &resume))
                break;
            if (resume <= a || resume + size - 1 < resume)
                return L4_Nilpage;      /* nothing usable above (resume 0: none) */
            a = (resume + size - 1) & ~(size - 1);
        }
    } else {
        /* A given page: conventional memory, or dedicated memory (a
         * device's), which only such an explicit request gets. */
        a = L4_Address(f);
        if (a + size - 1 < a || owned_by_other(a, a + size, client, &resume) ||
            !(conventional(a, a + size, &resume) ||
              all_of_type(a, a + size, L4_DedicatedMemoryType, &resume)))
            return L4_Nilpage;
    }
    if (!claim(a, a + size, client)) {
        printf("sigma0: region table full\n");
        return L4_Nilpage;
    }
    return L4_FpageAddRights(L4_FpageLog2(a, (int)s), L4_FullyAccessible);
}

/* The label as a 16-bit number, or -1 if its upper bits are neither all
 * zeros nor all ones. */
static long label16(L4_MsgTag_t tag)
{
    L4_Word_t l = L4_Label(tag);
    if ((l >> 16) != 0 && (l | 0xffff) != ~0UL >> 16)
        return -1;
    return (long)(l & 0xffff);
}

/* Handle one message; 1 if a reply is loaded in the MRs. */
static int handle(L4_MsgTag_t tag, L4_ThreadId_t client)
{
    long label = label16(tag);
    L4_Word_t mr1, mr2;
    L4_Fpage_t f;
    L4_Msg_t msg;

    if (L4_UntypedWords(tag) != 2 || L4_TypedWords(tag) != 0) {
        printf("sigma0: malformed message (tag %lx) from %lx\n", tag.raw, client.raw);
        return 0;
    }
    L4_StoreMR(1, &mr1);
    L4_StoreMR(2, &mr2);

    if (label >= 0 && (label & 0xfff0) == LABEL_PAGE_FAULT) {
        L4_Word_t page = mr1 & ~((1UL << page_log2) - 1);
        f = request(L4_FpageLog2(page, (int)page_log2), client.raw);
        if (L4_IsNilFpage(f)) {
            printf("sigma0: refused page fault at %lx (ip %lx) from %lx\n", mr1, mr2, client.raw);
            return 0;
        }
    } else if (label == LABEL_SIGMA0_RPC) {
        f = request((L4_Fpage_t){ .raw = mr1 }, client.raw);
        if (!L4_IsNilFpage(f) && mr2 != L4_DefaultMemory && !L4_Set_PageAttribute(f, mr2)) {
            printf("sigma0: attributes %lx for %lx refused (error %lu)\n",
                   mr2, L4_Address(f), L4_ErrorCode());
            f = L4_Nilpage;             /* the page stays the client's */
        }
    } else {
        printf("sigma0: unknown request (tag %lx) from %lx\n", tag.raw, client.raw);
        return 0;
    }

    L4_MsgClear(&msg);
    L4_MsgAppendMapItem(&msg, L4_MapItem(f, L4_Address(f)));
    L4_MsgLoad(&msg);
    return 1;
}

/* The KIP, the page size, the servers' images; prints the memory size. */
static void init(void)
{
    L4_Word_t version, flags, id, mask, a = 0, next, total = 0;
    L4_Word_t user_base;

    kip = L4_KernelInterface(&version, &flags, &id);
    mask = L4_PageSizeMask(kip);
    page_log2 = mask ? (L4_Word_t)__builtin_ctzl(mask) : 12;
    user_base = L4_ThreadIdUserBase(kip);

    preown(&kip->sigma0, L4_Myself(), "sigma0");
    preown(&kip->sigma1, L4_GlobalId(user_base + 1, 1), "sigma1");
    preown(&kip->root_server, L4_GlobalId(user_base + 2, 1), "root server");

    do {                                /* walk the physical address space */
        if (mem_type(a, &next) == L4_ConventionalMemoryType)
            total += next - a;          /* next 0: to the top */
        a = next;
    } while (a != 0);
    printf("sigma0: %lu KiB conventional memory, %lu-byte pages, %u regions reserved\n",
           total >> 10, 1UL << page_log2, nregions);
}

int main(void)
{
    L4_ThreadId_t client;
    L4_MsgTag_t tag;

    init();
    L4_Accept(L4_UntypedWordsAcceptor);
    tag = L4_Wait(&client);
    for (;;) {
        /* A failed receive, or a reply whose partner was gone: wait anew. */
        if (L4_IpcFailed(tag) || !handle(tag, client))
            tag = L4_Wait(&client);
        else
            tag = L4_ReplyWait(client, &client);
    }
}
