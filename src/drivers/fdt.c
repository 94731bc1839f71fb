/* fdt.c - a small flattened device tree reader (see fdt.h). */
#include "fdt.h"
#include "string.h"

#define FDT_MAGIC 0xd00dfeed

enum {                          /* header fields: byte offsets of be32 words */
	H_MAGIC = 0,
	H_TOTALSIZE = 4,
	H_OFF_STRUCT = 8,
	H_OFF_STRINGS = 12,
	H_OFF_RSVMAP = 16,
	H_VERSION = 20,
	H_LAST_COMP = 24,
	H_SIZE_STRINGS = 32,
	H_SIZE_STRUCT = 36,
	H_SIZE = 40,
};

enum {                          /* structure block tokens */
	TOK_BEGIN_NODE = 1,     /* then the node's name, NUL-padded to 4 bytes */
	TOK_END_NODE = 2,
	TOK_PROP = 3,           /* then be32 length, be32 name offset, value padded */
	TOK_NOP = 4,
	TOK_END = 9,            /* also what token() says for any bad offset */
};

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint32_t hdr(const void *fdt, unsigned field)
{
	return be32((const uint8_t *)fdt + field);
}

static const uint8_t *struct_block(const void *fdt)
{
	return (const uint8_t *)fdt + hdr(fdt, H_OFF_STRUCT);
}

static uint32_t pad4(uint32_t n)
{
	return (n + 3) & ~3u;
}

static uint32_t token(const void *fdt, int off)
{
	if (off < 0 || (uint32_t)off + 4 > hdr(fdt, H_SIZE_STRUCT))
		return TOK_END;
	return be32(struct_block(fdt) + off);
}

/* The offset just past the token at off, its name or value included. */
static int skip(const void *fdt, int off)
{
	const uint8_t *s = struct_block(fdt);
	uint32_t limit = hdr(fdt, H_SIZE_STRUCT), n;

	switch (token(fdt, off)) {
	case TOK_BEGIN_NODE:
		for (n = off + 4; n < limit && s[n]; n++)
			;
		return pad4(n + 1);
	case TOK_PROP:
		if ((uint32_t)off + 12 > limit)
			return -1;
		return off + 12 + pad4(be32(s + off + 4));
	case TOK_END_NODE:
	case TOK_NOP:
		return off + 4;
	default:
		return -1;
	}
}

bool fdt_check(const void *fdt)
{
	if (!fdt || hdr(fdt, H_MAGIC) != FDT_MAGIC)
		return false;
	uint32_t size = hdr(fdt, H_TOTALSIZE);
	/* Version 17 added size_dt_struct, which the walk relies on. */
	return hdr(fdt, H_VERSION) >= 17 && hdr(fdt, H_LAST_COMP) <= 17 && size >= H_SIZE &&
	       hdr(fdt, H_OFF_STRUCT) + hdr(fdt, H_SIZE_STRUCT) <= size &&
	       hdr(fdt, H_OFF_STRINGS) + hdr(fdt, H_SIZE_STRINGS) <= size &&
	       hdr(fdt, H_OFF_RSVMAP) < size;
}

uint32_t fdt_size(const void *fdt)
{
	return hdr(fdt, H_TOTALSIZE);
}

int fdt_first_child(const void *fdt, int node)
{
	if (token(fdt, node) != TOK_BEGIN_NODE)
		return -1;
	for (int off = skip(fdt, node);; off = skip(fdt, off)) {
		uint32_t t = token(fdt, off);
		if (t == TOK_BEGIN_NODE)
			return off;
		if (t != TOK_PROP && t != TOK_NOP)
			return -1;      /* the node's end: no children */
	}
}

int fdt_next_sibling(const void *fdt, int node)
{
	int depth = 0, off = node;

	if (token(fdt, node) != TOK_BEGIN_NODE)
		return -1;
	do {                    /* skip node and everything inside it */
		uint32_t t = token(fdt, off);
		if (t == TOK_BEGIN_NODE)
			depth++;
		else if (t == TOK_END_NODE)
			depth--;
		else if (t == TOK_END)
			return -1;
		off = skip(fdt, off);
	} while (depth > 0);
	while (token(fdt, off) == TOK_NOP)
		off = skip(fdt, off);
	return token(fdt, off) == TOK_BEGIN_NODE ? off : -1;
}

const char *fdt_name(const void *fdt, int node)
{
	if (token(fdt, node) != TOK_BEGIN_NODE)
		return "";
	return (const char *)struct_block(fdt) + node + 4;
}

/* Does name match the path component want[0..len)? */
static bool name_is(const char *name, const char *want, size_t len)
{
	if (strncmp(name, want, len) != 0)
		return false;
	if (name[len] == '\0')
		return true;
	for (size_t i = 0; i < len; i++)
		if (want[i] == '@')
			return false;   /* a unit address was given: exact only */
	return name[len] == '@';
}

int fdt_path(const void *fdt, const char *path)
{
	int node = 0;

	if (*path != '/')
		return -1;
	while (token(fdt, node) == TOK_NOP)
		node = skip(fdt, node);
	if (token(fdt, node) != TOK_BEGIN_NODE)
		return -1;
	for (const char *p = path;;) {
		while (*p == '/')
			p++;
		if (!*p)
			return node;
		size_t len = 0;
		while (p[len] && p[len] != '/')
			len++;
		for (node = fdt_first_child(fdt, node); node >= 0;
		     node = fdt_next_sibling(fdt, node))
			if (name_is(fdt_name(fdt, node), p, len))
				break;
		if (node < 0)
			return -1;
		p += len;
	}
}

const void *fdt_prop(const void *fdt, int node, const char *name, uint32_t *len)
{
	const char *strings = (const char *)fdt + hdr(fdt, H_OFF_STRINGS);
	const uint8_t *s = struct_block(fdt);
	uint32_t t;

	if (token(fdt, node) != TOK_BEGIN_NODE)
		return NULL;
	for (int off = skip(fdt, node); (t = token(fdt, off)) == TOK_PROP || t == TOK_NOP;
	     off = skip(fdt, off)) {
		if (t == TOK_NOP)
			continue;
		uint32_t plen = be32(s + off + 4), nameoff = be32(s + off + 8);
		if (nameoff >= hdr(fdt, H_SIZE_STRINGS) ||
		    off + 12 + plen > hdr(fdt, H_SIZE_STRUCT))
			return NULL;    /* a broken blob */
		if (strcmp(strings + nameoff, name) == 0) {
			if (len)
				*len = plen;
			return s + off + 12;
		}
	}
	return NULL;
}

const char *fdt_prop_str(const void *fdt, int node, const char *name)
{
	uint32_t len;
	const char *v = fdt_prop(fdt, node, name, &len);

	return v && len > 0 && v[len - 1] == '\0' ? v : NULL;
}

uint32_t fdt_prop_u32(const void *fdt, int node, const char *name, uint32_t dflt)
{
	uint32_t len;
	const void *v = fdt_prop(fdt, node, name, &len);

	return v && len == 4 ? be32(v) : dflt;
}

uint64_t fdt_cells(const void *p, unsigned n)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < n; i++)
		v = v << 32 | be32((const uint8_t *)p + 4 * i);
	return v;
}

bool fdt_memreserve(const void *fdt, unsigned i, uint64_t *base, uint64_t *size)
{
	uint32_t off = hdr(fdt, H_OFF_RSVMAP) + 16 * i;

	if (off + 16 > fdt_size(fdt))
		return false;
	*base = fdt_cells((const uint8_t *)fdt + off, 2);
	*size = fdt_cells((const uint8_t *)fdt + off + 8, 2);
	return *base || *size;  /* a 0, 0 entry ends the list */
}
