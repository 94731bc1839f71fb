/* elf.h - just enough ELF64 to load the initial servers. */
#ifndef PECAN_ELF_H
#define PECAN_ELF_H

#include "types.h"

struct elf64_header {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

#define ELF_PT_LOAD 1

#endif
