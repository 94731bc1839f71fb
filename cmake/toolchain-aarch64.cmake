# aarch64: Debian's gcc-aarch64-linux-gnu, used freestanding.
include(${CMAKE_CURRENT_LIST_DIR}/toolchain-common.cmake)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(PECAN_CROSS_PREFIX aarch64-linux-gnu-)
set(CMAKE_C_COMPILER ${PECAN_CROSS_PREFIX}gcc)
set(CMAKE_ASM_COMPILER ${PECAN_CROSS_PREFIX}gcc)
# No FP/SIMD registers in the kernel; the kernel has no red zone to lose on AArch64.
list(APPEND PECAN_KERNEL_CFLAGS -mgeneral-regs-only -mstrict-align -fno-pie)
list(APPEND PECAN_KERNEL_LDFLAGS -no-pie)
