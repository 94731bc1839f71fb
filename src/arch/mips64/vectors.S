/*
 * vectors.S - the exception vectors, the TLB refill, and the trap frame
 * save/restore.
 *
 * The vectors sit at the start of the kernel image, which is 4 KiB aligned,
 * and trap.c points EBase there.  The two refill vectors walk the active
 * space's page table (pagetable.h) themselves.  Every other vector loads
 * its C handler into k0 (k0 and k1 are the trap code's by the MIPS
 * convention) and joins trap_save, which builds a struct trap_frame and
 * calls handler(frame).  On return the frame is restored and eret resumes
 * at EPC.
 *
 * A trap from user mode (Status.KSU says user) saves its frame at the top
 * of the current thread's kernel stack, mips_cpu.kstack_top; a trap from
 * kernel mode saves it on the stack it interrupted.
 *
 * A syscall comes in with k0 = 0 instead of a handler: once its registers
 * are saved (all but v0, a0 and a3, which the Ipc fast path does not need
 * in the frame), it tries the IPC fast path (glue/mips64/fastpath.S),
 * which either returns to user mode itself or comes back to trap_save_va
 * with k0 = mips_trap, as any other trap.
 */
#include <asm-offsets.h>
#include "cp0.h"
#include "pagetable.h"

	.set	noreorder
	.set	noat

	.macro	VECTOR handler
	dla	$k0, \handler
	j	trap_save
	 nop
	.endm

	/*
	 * The refill: BadVAddr's PTE pair from the active space's table into
	 * a random TLB slot.  Holes end in the shared empty tables, so the
	 * walk never tests; a missing page loads an invalid entry, and the
	 * retried access takes a TLB-invalid exception to the C handler.
	 * Only addresses above the table's reach (kernel segments, the top of
	 * xuseg) take the slow path.  The page tables are in unmapped memory,
	 * so the walk cannot miss.
	 */
	.macro	TLB_REFILL slow
	dmfc0	$k0, C0_BADVADDR
	dsrl	$k1, $k0, PT_USER_BITS
	bnez	$k1, \slow
	 lui	$k1, %hi(mips_cpu)
	ld	$k1, %lo(mips_cpu + CPU_PT_ROOT)($k1)
	dsrl	$k0, $k0, PT_L1_SHIFT - 3
	andi	$k0, $k0, (PT_L1_ENTRIES - 1) << 3
	daddu	$k1, $k1, $k0
	ld	$k1, 0($k1)                     /* the level-2 table */
	dmfc0	$k0, C0_BADVADDR
	dsrl	$k0, $k0, PT_L2_SHIFT - 3
	andi	$k0, $k0, (PT_L2_ENTRIES - 1) << 3
	daddu	$k1, $k1, $k0
	ld	$k1, 0($k1)                     /* the leaf table */
	dmfc0	$k0, C0_BADVADDR
	dsrl	$k0, $k0, PT_L3_SHIFT + 1 - 4
	andi	$k0, $k0, (PT_L3_ENTRIES / 2 - 1) << 4
	daddu	$k1, $k1, $k0
	ld	$k0, 0($k1)                     /* the even page */
	ld	$k1, 8($k1)                     /* the odd page */
	dmtc0	$k0, C0_ENTRYLO0
	dmtc0	$k1, C0_ENTRYLO1
	ehb
	tlbwr
	eret
	.endm

	.section .text.vectors, "ax"
	.balign	4096
	.globl	exception_base
exception_base:
	/* +0x000: TLB refill for a 32-bit address (UX or KX clear): the same
	 * walk, though the kernel always runs with KX and user mode with UX. */
	TLB_REFILL tlb_refill_slow
	.org	0x080
	/* +0x080: XTLB refill, for xuseg with UX=1 (and xkseg). */
	TLB_REFILL xtlb_refill_slow
	.org	0x100
	/* +0x100: cache error; the CPU runs it through KSEG1 (uncached). */
	VECTOR	mips_cache_error
	.org	0x180
	/*
	 * +0x180: every other exception, and interrupts (Cause.IV=0).
	 * A syscall (not in a delay slot) goes to the syscall entry with
	 * k0 = 0.  Then, fast: the CPU has no UserLocal register
	 * (Config3.ULRI=0), so a thread's "rdhwr $3, $29" (read the UTCB
	 * pointer, docs/api.md) is a reserved instruction, emulated here
	 * without a trap frame: 19 instructions.  The instruction was just
	 * fetched, so loading it cannot miss the TLB.
	 */
	mfc0	$k0, C0_CAUSE
	andi	$k1, $k0, CAUSE_EXC_MASK
	bltz	$k0, 1f                         /* Cause.BD: in a delay slot */
	 xori	$k0, $k1, EXC_SYS << CAUSE_EXC_SHIFT
	beqz	$k0, mips_syscall_save          /* a syscall, with k0 = 0 */
	 xori	$k1, $k1, EXC_RI << CAUSE_EXC_SHIFT
	bnez	$k1, 1f
	 dmfc0	$k1, C0_EPC
	lw	$k0, 0($k1)
	lui	$k1, 0x7c03                     /* rdhwr $3, $29 */
	ori	$k1, $k1, 0xe83b
	bne	$k0, $k1, 1f
	 lui	$k1, %hi(mips_cpu)
	ld	$v1, %lo(mips_cpu + CPU_UTCB)($k1)
	dmfc0	$k0, C0_EPC
	daddiu	$k0, $k0, 4
	dmtc0	$k0, C0_EPC
	ehb
	eret
1:	VECTOR	mips_trap

	.text
tlb_refill_slow:
	VECTOR	mips_tlb_refill
xtlb_refill_slow:
	VECTOR	mips_xtlb_refill

	.text
	.ent	trap_save
	/* Any trap, k0 = its C handler (or 0 for a syscall). */
trap_save:
	mfc0	$k1, C0_STATUS
	andi	$k1, $k1, ST_KSU
	bnez	$k1, trap_save_user      /* from user mode: the thread's kernel stack */
	 move	$k1, $sp                 /* the sp at the trap */
	bnez	$k0, trap_save_frame     /* from kernel mode: stay on this stack */
	 nop
	lui	$k0, %hi(mips_trap)      /* a syscall in kernel mode: mips_trap panics */
	b	trap_save_frame
	 daddiu	$k0, $k0, %lo(mips_trap)

	/*
	 * A syscall, k0 = 0.  Only user mode makes syscalls, and a kernel sp
	 * is always negative (KSEG0, xkphys): a negative sp goes the long
	 * way, where trap_save asks Status.KSU.
	 */
mips_syscall_save:
	bltz	$sp, trap_save
	 move	$k1, $sp                 /* the sp at the trap */
trap_save_user:
	lui	$sp, %hi(mips_cpu)       /* from user mode: the thread's kernel stack */
	ld	$sp, %lo(mips_cpu + CPU_KSTACK_TOP)($sp)
trap_save_frame:
	daddiu	$sp, $sp, -TF_SIZE
	/* every register but zero, k0, k1, sp and the Ipc's v0, a0, a3
	 * (stored below, or by the fast path when it needs them) */
	.irp	n, 1,3,5,6,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,30,31
	sd	$\n, (TF_REGS + \n * TF_WORD)($sp)
	.endr
	sd	$k1, (TF_REGS + 29 * TF_WORD)($sp)
#if PECAN_FASTPATH
	beqz	$k0, mips_fastpath       /* a syscall from user mode (fastpath.S) */
	 daddiu	$t2, $v0, -SYS_IPC       /* (the fast path's first check) */
#else
	bnez	$k0, trap_save_va
	 nop
	lui	$k0, %hi(mips_trap)      /* a syscall: mips_trap, as any trap */
	daddiu	$k0, $k0, %lo(mips_trap)
#endif
	/* The fast path, when it does not take the syscall, comes back here
	 * with k0 = mips_trap and v0, a0, a3 as they were at the trap. */
	.globl	trap_save_va
trap_save_va:
	sd	$v0, (TF_REGS + 2 * TF_WORD)($sp)
	sd	$a0, (TF_REGS + 4 * TF_WORD)($sp)
	sd	$a3, (TF_REGS + 7 * TF_WORD)($sp)
	sd	$zero, TF_REGS($sp)
	mfhi	$k1
	sd	$k1, TF_HI($sp)
	mflo	$k1
	sd	$k1, TF_LO($sp)
	mfc0	$k1, C0_STATUS
	sd	$k1, TF_STATUS($sp)
	mfc0	$k1, C0_CAUSE
	sd	$k1, TF_CAUSE($sp)
	dmfc0	$k1, C0_EPC
	sd	$k1, TF_EPC($sp)
	dmfc0	$k1, C0_BADVADDR
	sd	$k1, TF_BADVADDR($sp)

	/* Leave exception level, staying in kernel mode with interrupts off:
	 * a fault inside the handler is then an ordinary nested trap, with
	 * its own EPC and frame, instead of a silent loop at EXL=1. */
	mfc0	$k1, C0_STATUS
	ori	$k1, $k1, ST_EXL | ST_ERL | ST_KSU | ST_IE
	xori	$k1, $k1, ST_EXL | ST_ERL | ST_KSU | ST_IE
	mtc0	$k1, C0_STATUS
	ehb

	jalr	$k0                      /* handler(frame) */
	 move	$a0, $sp

	/* Leave through the frame at sp; port_return_to_user enters here. */
	.globl	mips_trap_return
mips_trap_return:
	/* Back to exception level with the frame's Status, but keep the live
	 * interrupt mask (IM): a handler may have changed it.  EXL keeps
	 * interrupts out until eret, whatever the frame's IE says. */
	di
	ehb
	ld	$t0, TF_STATUS($sp)
	mfc0	$t1, C0_STATUS
	li	$t2, ST_IM
	and	$t1, $t1, $t2
	nor	$t2, $zero, $t2
	and	$t0, $t0, $t2
	or	$t0, $t0, $t1
	mtc0	$t0, C0_STATUS
	ehb
	ld	$t0, TF_EPC($sp)
	dmtc0	$t0, C0_EPC
	ld	$v0, (TF_REGS + 2 * TF_WORD)($sp)
	ld	$a0, (TF_REGS + 4 * TF_WORD)($sp)
	ld	$a3, (TF_REGS + 7 * TF_WORD)($sp)
	/* The IPC fast path leaves here, with EPC set, the Ipc results in
	 * a0 and a3, and v0 = 1 (Ipc) already (EXL has stayed set all
	 * along). */
	.globl	mips_trap_return_ipc
mips_trap_return_ipc:
	ld	$t0, TF_HI($sp)
	mthi	$t0
	ld	$t0, TF_LO($sp)
	mtlo	$t0
	/* every register but zero, k0, k1, sp, v0, a0 and a3, then sp */
	.irp	n, 1,3,5,6,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,30,31
	ld	$\n, (TF_REGS + \n * TF_WORD)($sp)
	.endr
	ld	$sp, (TF_REGS + 29 * TF_WORD)($sp)
	ehb
	eret
	.end	trap_save
