/*
 * hello - the smallest roottask: it prints a greeting and the KIP's API
 * version, asks sigma0 for one page, writes to it and reads it back, and
 * ends; crt0 then powers the machine off (success = main returned 0).
 * It exercises the build; the real tests are the lead's l4test.
 */
#include <stdio.h>
#include <l4/kip.h>
#include <l4/sigma0.h>
#include <l4/thread.h>

int main(void)
{
    L4_Word_t version, flags, id;
    L4_KernelInterfacePage_t *kip = L4_KernelInterface(&version, &flags, &id);
    L4_Fpage_t page;
    volatile L4_Word_t *p;

    printf("hello from the roottask\n");
    printf("hello: KIP at %p, API version %lx.%lx, flags %lx, I am %lx\n", (void *)kip,
           (version >> 24) & 0xff, (version >> 16) & 0xff, flags, L4_Myself().raw);
    if (*(L4_Word32_t *)kip != L4_MAGIC) {
        printf("hello: bad KIP magic\n");
        return 1;
    }

    /* Any free 4 KiB page, mapped where sigma0 has it (at its physical address). */
    page = L4_Sigma0_GetAny(L4_nilthread, 12, L4_CompleteAddressSpace);
    if (L4_IsNilFpage(page)) {
        printf("hello: sigma0 gave no page\n");
        return 1;
    }
    p = (volatile L4_Word_t *)L4_Address(page);
    *p = 0x600dcafe;
    printf("hello: sigma0 gave %lx bytes at %lx, which reads back %lx\n",
           L4_Size(page), L4_Address(page), *p);
    return *p == 0x600dcafe ? 0 : 1;
}
