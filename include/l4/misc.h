/*
 * l4/misc.h - memory attributes through MemoryControl (X.2 §8).
 * L4_MemoryControl and L4_ProcessorControl are in <l4/syscalls.h>.
 */
#ifndef L4_MISC_H
#define L4_MISC_H

#include <l4/types.h>
#include <l4/vregs.h>
#include <l4/syscalls.h>

#define L4_DefaultMemory        0

/* The memory mapped in f (in the caller's space) gets the attribute; the
 * fpage's low two bits select attribute 0, so the call passes it there. */
L4_INLINE L4_Word_t L4_Set_PageAttribute(L4_Fpage_t f, L4_Word_t attribute)
{
    L4_Word_t attributes[4] = { attribute, 0, 0, 0 };
    L4_Set_Rights(&f, 0);
    L4_LoadMR(0, f.raw);
    return L4_MemoryControl(0, attributes);
}

/* n fpages, each with its attribute index (0-3) in its low two bits. */
L4_INLINE L4_Word_t L4_Set_PageAttributes(L4_Word_t n, L4_Fpage_t *f,
                                          const L4_Word_t *attributes)
{
    L4_LoadMRs(0, (int)n, (const L4_Word_t *)f);
    return L4_MemoryControl(n - 1, attributes);
}

#endif
