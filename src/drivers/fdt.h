/*
 * fdt.h - reading a flattened device tree (the DTB of the Devicetree
 * Specification, version 17): find nodes by path, walk children, read
 * properties and the /memreserve/ block.
 *
 * Read-only and allocation-free.  Every multi-byte field is read byte by
 * byte as big-endian, so the same code serves little- and big-endian CPUs
 * of any word size.  A node is its offset in the structure block (an int);
 * a negative node means "none", and every function accepts one.
 */
#ifndef PECAN_FDT_H
#define PECAN_FDT_H

#include "types.h"

/* True if fdt points at a device tree this reader understands. */
bool fdt_check(const void *fdt);

/* The blob's total size in bytes (the part to keep). */
uint32_t fdt_size(const void *fdt);

/* The node at an absolute path such as "/" or "/chosen".  A component with
 * no unit address matches "name" and "name@unit" alike ("/memory" finds
 * "memory@40000000"). */
int fdt_path(const void *fdt, const char *path);

int fdt_first_child(const void *fdt, int node);
int fdt_next_sibling(const void *fdt, int node);
const char *fdt_name(const void *fdt, int node);        /* "" for none */

/* A property's value and its length in bytes, or NULL if node lacks it. */
const void *fdt_prop(const void *fdt, int node, const char *name, uint32_t *len);

/* A string property, or NULL if missing or not NUL-terminated. */
const char *fdt_prop_str(const void *fdt, int node, const char *name);

/* A one-cell property, or dflt if missing or of another size. */
uint32_t fdt_prop_u32(const void *fdt, int node, const char *name, uint32_t dflt);

/* n big-endian 32-bit cells at p as one number (n = 1 or 2 in practice:
 * #address-cells and #size-cells). */
uint64_t fdt_cells(const void *p, unsigned n);

/* The i-th /memreserve/ entry; false past the last one. */
bool fdt_memreserve(const void *fdt, unsigned i, uint64_t *base, uint64_t *size);

#endif
