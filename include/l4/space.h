/*
 * l4/space.h - address spaces and mappings: the calls derived from Unmap,
 * and the status bits it returns (X.2 §6, §8).  L4_SpaceControl, L4_Unmap,
 * L4_MemoryControl and L4_ProcessorControl are in <l4/syscalls.h>; the page
 * attribute helpers in <l4/misc.h>.
 */
#ifndef L4_SPACE_H
#define L4_SPACE_H

#include <l4/types.h>
#include <l4/vregs.h>
#include <l4/syscalls.h>
#include <l4/misc.h>

#define __L4_UNMAP_FLUSH        0x40    /* also revoke the caller's own mappings */

/* Revoke f's rights from the mappings derived from the caller's; returns f
 * with the status bits (referenced, written, executed) in its rights. */
L4_INLINE L4_Fpage_t L4_UnmapFpage(L4_Fpage_t f)
{
    L4_LoadMR(0, f.raw);
    L4_Unmap(0);
    L4_StoreMR(0, &f.raw);
    return f;
}

L4_INLINE void L4_UnmapFpages(L4_Word_t n, L4_Fpage_t *fpages)
{
    L4_LoadMRs(0, (int)n, (const L4_Word_t *)fpages);
    L4_Unmap(n - 1);
    L4_StoreMRs(0, (int)n, (L4_Word_t *)fpages);
}

L4_INLINE L4_Fpage_t L4_Flush(L4_Fpage_t f)
{
    L4_LoadMR(0, f.raw);
    L4_Unmap(__L4_UNMAP_FLUSH);
    L4_StoreMR(0, &f.raw);
    return f;
}

L4_INLINE void L4_FlushFpages(L4_Word_t n, L4_Fpage_t *fpages)
{
    L4_LoadMRs(0, (int)n, (const L4_Word_t *)fpages);
    L4_Unmap(__L4_UNMAP_FLUSH | (n - 1));
    L4_StoreMRs(0, (int)n, (L4_Word_t *)fpages);
}

/* The status bits alone: an unmap that revokes no rights. */
L4_INLINE L4_Fpage_t L4_GetStatus(L4_Fpage_t f)
{
    L4_LoadMR(0, f.raw & ~0xfUL);
    L4_Unmap(0);
    L4_StoreMR(0, &f.raw);
    return f;
}

L4_INLINE L4_Bool_t L4_WasReferenced(L4_Fpage_t f) { return (f.raw & L4_Readable) != 0; }
L4_INLINE L4_Bool_t L4_WasWritten(L4_Fpage_t f) { return (f.raw & L4_Writable) != 0; }
L4_INLINE L4_Bool_t L4_WaseXecuted(L4_Fpage_t f) { return (f.raw & L4_eXecutable) != 0; }

#endif
