# x86_64 on QEMU's `pc` board: what the build and the tests need to know.
set(PORT_QEMU qemu-system-x86_64)
# isa-debug-exit: a write of V to port 0xf4 ends QEMU with status (V<<1)|1.
set(PORT_QEMU_ARGS -M pc -cpu qemu64 -m 128M
    -device isa-debug-exit,iobase=0xf4,iosize=1)
set(PORT_EXIT_SUCCESS 1)        # the kernel writes 0
set(PORT_EXIT_FAILURE 3)        # the kernel writes 1
# QEMU's multiboot loader wants ELF32 or the header's address fields; we use
# the address fields and hand it (and GRUB) a flat binary of the ELF.
set(PORT_IMAGE_FORMAT binary)
set(PORT_IMAGE_NAME pecan.bin)
set(PORT_CMDLINE_ARG -append)   # how QEMU passes the kernel command line
set(PORT_MODULES multiboot)     # sigma0 and the root server come as multiboot modules
set(PORT_DRIVERS uart16550 i8259 i8254)
set(PORT_GDB_ARCH i386:x86-64)
set(PORT_PANIC_REGS "rip=[0-9a-f]+")   # a line of the register dump

# The GRUB rescue ISO (the kernel, sigma0 and l4test as modules), and the
# boot and l4test tests through it.
function(pecan_port_targets)
  set(isodir ${CMAKE_BINARY_DIR}/iso)
  set(iso ${CMAKE_BINARY_DIR}/pecan-x86_64.iso)
  add_custom_command(OUTPUT ${iso}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${isodir}/boot/grub
    COMMAND ${CMAKE_COMMAND} -E copy ${PECAN_IMAGE} ${isodir}/boot/pecan.bin
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_BINARY_DIR}/sigma0.elf ${CMAKE_BINARY_DIR}/l4test.elf ${isodir}/boot/
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/src/arch/x86_64/grub.cfg ${isodir}/boot/grub/grub.cfg
    COMMAND grub-mkrescue -o ${iso} ${isodir} 2> ${CMAKE_BINARY_DIR}/grub-mkrescue.log
    DEPENDS ${PECAN_IMAGE} sigma0 l4test ${CMAKE_SOURCE_DIR}/src/arch/x86_64/grub.cfg
    COMMENT "Building the GRUB rescue ISO pecan-x86_64.iso")
  add_custom_target(iso-x86_64 ALL DEPENDS ${iso})
  pecan_boot_test(boot-x86_64-grub BOOT -cdrom ${iso})
  pecan_boot_test(l4test-x86_64-grub L4TEST -cdrom ${iso})
endfunction()
