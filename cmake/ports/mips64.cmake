# mips64 (big-endian) on QEMU's `malta` board.
set(PORT_QEMU qemu-system-mips64)
set(PORT_QEMU_ARGS -M malta -cpu MIPS64R2-generic -m 128M)
# The kernel stops QEMU (run with -no-reboot) through malta's software reset
# register, which carries no status: the "pecan: power off (...)" line does.
# (QEMU 7.2's qemu-system-mips64 has no isa-debug-exit device.)
set(PORT_EXIT_SUCCESS 0)
set(PORT_EXIT_FAILURE 0)
set(PORT_IMAGE_FORMAT elf)
set(PORT_IMAGE_NAME pecan.elf)
set(PORT_CMDLINE_ARG -append)
set(PORT_DRIVERS uart16550 i8259 i8254)
set(PORT_GDB_ARCH mips:isa64r2)
set(PORT_PANIC_REGS "epc=[0-9a-f]+")
