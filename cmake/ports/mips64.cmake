# mips64 (big-endian) on QEMU's `malta` board.
set(PORT_QEMU qemu-system-mips64)
set(PORT_QEMU_ARGS -M malta -cpu MIPS64R2-generic -m 128M)
set(PORT_EXIT_SUCCESS 0)
set(PORT_EXIT_FAILURE 0)        # malta's reset register cannot say: the status line does
set(PORT_IMAGE_FORMAT elf)
set(PORT_IMAGE_NAME pecan.elf)
set(PORT_CMDLINE_ARG -append)
set(PORT_DRIVERS uart16550)
set(PORT_GDB_ARCH mips:isa64r2)
set(PORT_PANIC_REGS "epc=[0-9a-f]+")
