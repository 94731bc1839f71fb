/*
 * kip.h - the kernel interface page.
 *
 * One page, built at boot, mapped read-only into every space at the KIP
 * area SpaceControl gives it.  Word offsets are X.2's (64-bit words).
 */
#ifndef PECAN_KIP_H
#define PECAN_KIP_H

#include "memmap.h"
#include "types.h"

#define KIP_AREA_LOG2           12      /* KipAreaInfo s: the KIP is one page */
#define KIP_UTCB_AREA_MIN_LOG2  12      /* UtcbAreaInfo s: the smallest UTCB area */
#define KIP_API_VERSION         0x84050000ul    /* X.2, revision 5 */
#define KIP_KERNEL_ID           0x50010000ul    /* Pecan: id 0x50 ('P'), subid 1 */

/* Where the kernel puts the initial servers' areas (user addresses). */
#define KIP_BOOT_KIP_AREA   (PORT_USER_END - (1ul << 30))
#define KIP_BOOT_UTCB_AREA  (PORT_USER_END - (1ul << 30) + (1ul << 22))
#define KIP_BOOT_UTCB_LOG2  16

/* An initial server as the boot loader (here: the kernel's ELF loader) found it. */
struct kip_server {
	word_t ip, sp;
	paddr_t low, high;              /* its image, physical */
};

extern word_t *kip_page;                /* the kernel's view of the KIP */

/* Fill the KIP from the boot memory map (which the kernel keeps). */
void kip_init(const struct mem_map *map, const struct kip_server *sigma0,
	      const struct kip_server *roottask);

/* May sigma0 have the frame at pa?  Conventional memory that the kernel
 * does not use, including the boot images, and devices' memory. */
bool kip_sigma0_may_own(paddr_t pa);

#endif
