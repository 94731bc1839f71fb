# aarch64 on QEMU's `virt` board, entered at EL1.
set(PORT_QEMU qemu-system-aarch64)
set(PORT_QEMU_ARGS -M virt -cpu cortex-a57 -m 128M -semihosting)
set(PORT_EXIT_SUCCESS 0)
set(PORT_EXIT_FAILURE 1)
# Only a raw image with the arm64 Image header gets a device tree from QEMU.
set(PORT_IMAGE_FORMAT binary)
set(PORT_IMAGE_NAME pecan.img)
set(PORT_CMDLINE_ARG -append)
set(PORT_DRIVERS pl011 gic fdt)
set(PORT_GDB_ARCH aarch64)
set(PORT_PANIC_REGS "elr=[0-9a-f]+")
