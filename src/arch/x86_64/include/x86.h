/* x86.h - x86_64 instructions and constants the port uses, as inline C. */
#ifndef PECAN_X86_H
#define PECAN_X86_H

#include "types.h"

/* The kernel's virtual layout (see docs/architecture.md). */
#define KERNEL_VBASE    0xffffffff80000000ul    /* -2 GiB: the kernel image, phys 0..1 GiB */
#define DIRECT_MAP_BASE 0xffff800000000000ul    /* all physical memory the boot tables map */
#define DIRECT_MAP_SIZE (4ul << 30)             /* 4 GiB of 2 MiB pages */

/* Segment selectors; the order suits syscall/sysret (user data, then user code). */
#define SEL_KCODE 0x08
#define SEL_KDATA 0x10
#define SEL_UDATA 0x18
#define SEL_UCODE 0x20
#define SEL_TSS   0x28

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void cpuid(uint32_t leaf, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(0));
}

#define X86_CR4_PGE   (1ul << 7)
#define X86_CR4_PCIDE (1ul << 17)
#define MSR_EFER      0xc0000080
#define MSR_STAR      0xc0000081
#define MSR_LSTAR     0xc0000082
#define MSR_FMASK     0xc0000084
#define MSR_FS_BASE   0xc0000100

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return (uint64_t)hi << 32 | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

static inline word_t read_cr4(void)
{
	word_t v;
	__asm__ volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline void write_cr4(word_t v)
{
	__asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline word_t read_cr2(void)
{
	word_t v;
	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline word_t read_cr3(void)
{
	word_t v;
	__asm__ volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(word_t v)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

#endif
