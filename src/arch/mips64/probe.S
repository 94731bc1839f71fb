/*
 * probe.S - one load or store at a user address, from kernel mode, that
 * returns 1 instead of panicking when it faults: the fault path
 * (mips_probe_fixup) moves EPC from the access to mips_probe_fail.
 *
 *   int mips_probe_load(vaddr_t va, word_t *value);
 *   int mips_probe_store(vaddr_t va, word_t value);
 */
	.set	noreorder

	.text
	.globl	mips_probe_load
	.ent	mips_probe_load
mips_probe_load:
	.globl	mips_probe_load_insn
mips_probe_load_insn:
	ld	$t0, 0($a0)
	sd	$t0, 0($a1)
	jr	$ra
	 move	$v0, $zero
	.end	mips_probe_load

	.globl	mips_probe_store
	.ent	mips_probe_store
mips_probe_store:
	.globl	mips_probe_store_insn
mips_probe_store_insn:
	sd	$a1, 0($a0)
	jr	$ra
	 move	$v0, $zero
	.end	mips_probe_store

	.globl	mips_probe_fail
	.ent	mips_probe_fail
mips_probe_fail:
	jr	$ra
	 li	$v0, 1
	.end	mips_probe_fail
