/*
 * boot.S - x86_64 entry: multiboot header, the 32-bit to 64-bit switch.
 *
 * GRUB and QEMU's -kernel both load us as a multiboot (v1) kernel: in 32-bit
 * protected mode, paging off, eax = 0x2BADB002, ebx = the multiboot info.
 * We use the header's address fields (the "a.out kludge"), so the loaders
 * need not understand our ELF64 file: they load the flat image at 1 MiB.
 *
 * This file runs at physical addresses until it jumps to start64_high.  It
 * builds the boot page tables in bss:
 *   - identity map of 0..1 GiB, to survive turning paging on (dropped later)
 *   - KERNEL_VBASE (-2 GiB)  -> phys 0..1 GiB, where the kernel is linked
 *   - DIRECT_MAP_BASE        -> phys 0..4 GiB, how the kernel reaches RAM
 * all with 2 MiB pages.  The 0..1 GiB page directory is shared by all three.
 */
#define KERNEL_VBASE 0xffffffff80000000
#define PHYS(x) ((x) - KERNEL_VBASE)

#define MB_MAGIC 0x1badb002
#define MB_FLAGS 0x00010003     /* page-aligned modules, memory info, address fields */

#define PTE_P  0x001            /* present */
#define PTE_W  0x002            /* writable */
#define PTE_PS 0x080            /* 2 MiB page (in a page directory) */
#define PTE_G  0x100            /* global: kept across address-space switches */

	.section .multiboot, "a"
	.p2align 2
mb_header:
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)
	.long mb_header                 /* header_addr: .multiboot runs at its physical address */
	.long _kernel_phys_start        /* load_addr */
	.long _load_end_phys            /* load_end_addr */
	.long _bss_end_phys             /* bss_end_addr */
	.long _start                    /* entry_addr */

	.section .boot, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	movl %eax, PHYS(boot_magic)
	movl %ebx, PHYS(boot_info)

	/* Long mode is a must; without it there is nothing we can do. */
	movl $0x80000001, %eax
	cpuid
	btl $29, %edx
	jnc no_long_mode

	/* Clear bss: the page tables and the boot stack live there. */
	movl $PHYS(__bss_start), %edi
	movl $PHYS(__bss_end), %ecx
	subl %edi, %ecx
	shrl $2, %ecx
	xorl %eax, %eax
	rep stosl

	/* Four page directories of 2 MiB pages: phys 0..4 GiB. */
	movl $PHYS(boot_pd), %edi
	movl $(PTE_P | PTE_W | PTE_PS | PTE_G), %eax
	xorl %edx, %edx                 /* high half of each entry: bit 32 up */
	movl $2048, %ecx
1:	movl %eax, (%edi)
	movl %edx, 4(%edi)
	addl $0x200000, %eax
	adcl $0, %edx
	addl $8, %edi
	loop 1b

	/* PDPT for the direct map: entries 0..3 -> the four directories. */
	movl $PHYS(boot_pdpt_direct), %edi
	movl $(PHYS(boot_pd) + PTE_P + PTE_W), %eax
	movl $4, %ecx
2:	movl %eax, (%edi)
	addl $4096, %eax
	addl $8, %edi
	loop 2b

	/* Identity (PDPT entry 0) and -2 GiB (entry 510) both use the first directory. */
	movl $(PHYS(boot_pd) + PTE_P + PTE_W), %eax
	movl %eax, PHYS(boot_pdpt_low)
	movl %eax, PHYS(boot_pdpt_high) + 510 * 8

	movl $(PHYS(boot_pdpt_low) + PTE_P + PTE_W), %eax
	movl %eax, PHYS(boot_pml4)                      /* 0x0000000000000000 */
	movl $(PHYS(boot_pdpt_direct) + PTE_P + PTE_W), %eax
	movl %eax, PHYS(boot_pml4) + 256 * 8            /* 0xffff800000000000 */
	movl $(PHYS(boot_pdpt_high) + PTE_P + PTE_W), %eax
	movl %eax, PHYS(boot_pml4) + 511 * 8            /* 0xffffff8000000000 */

	/* PAE and global pages on, the tables loaded, long mode and NX enabled,
	 * then paging (with write protection for the kernel) turns long mode on. */
	movl %cr4, %eax
	orl $((1 << 5) | (1 << 7)), %eax
	movl %eax, %cr4
	movl $PHYS(boot_pml4), %eax
	movl %eax, %cr3
	movl $0xc0000080, %ecx          /* EFER */
	rdmsr
	orl $((1 << 8) | (1 << 11)), %eax       /* LME, NXE */
	wrmsr
	movl %cr0, %eax
	orl $((1 << 31) | (1 << 16) | 1), %eax  /* PG, WP, PE */
	movl %eax, %cr0

	lgdt boot_gdt_ptr
	ljmp $0x08, $start64_low

no_long_mode:
	/* Tell the serial console, then stop: this CPU cannot run us. */
	movl $no_lm_msg, %esi
3:	lodsb
	testb %al, %al
	jz 4f
	movw $0x3f8, %dx
	outb %al, %dx
	jmp 3b
4:	hlt
	jmp 4b

	.code64
start64_low:
	movabsq $start64_high, %rax
	jmp *%rax

	.section .rodata.boot, "a"
no_lm_msg:
	.asciz "pecan: this CPU has no long mode (x86_64)\r\n"
	.p2align 3
boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff        /* 0x08: 64-bit kernel code */
	.quad 0x00cf92000000ffff        /* 0x10: kernel data */
boot_gdt_end:
boot_gdt_ptr:
	.word boot_gdt_end - boot_gdt - 1
	.long boot_gdt

	.text
start64_high:
	movw $0x10, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	xorl %eax, %eax
	movw %ax, %fs
	movw %ax, %gs
	movabsq $boot_stack_top, %rsp
	xorl %ebp, %ebp
	call kernel_main
5:	hlt
	jmp 5b

	.data
	.globl boot_magic, boot_info
	.p2align 2
boot_magic:	.long 0
boot_info:	.long 0

	.bss
	.p2align 12
	.globl boot_pml4
boot_pml4:		.skip 4096
boot_pdpt_low:		.skip 4096
boot_pdpt_high:		.skip 4096
boot_pdpt_direct:	.skip 4096
boot_pd:		.skip 4 * 4096
boot_stack:		.skip 16384
boot_stack_top:
