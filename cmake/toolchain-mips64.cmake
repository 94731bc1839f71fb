# mips64: Debian's gcc-mips64-linux-gnuabi64 (big-endian), n64, non-PIC.
include(${CMAKE_CURRENT_LIST_DIR}/toolchain-common.cmake)
set(CMAKE_SYSTEM_PROCESSOR mips64)
set(PECAN_CROSS_PREFIX mips64-linux-gnuabi64-)
set(CMAKE_C_COMPILER ${PECAN_CROSS_PREFIX}gcc)
set(CMAKE_ASM_COMPILER ${PECAN_CROSS_PREFIX}gcc)
# -G0: no small-data section ($gp stays free); -mno-abicalls -fno-pic: plain
# absolute code; -msym32: the kernel sits in the 32-bit compatibility
# segments (KSEG0), so symbols fit in 32 bits; soft-float: no FPU in the kernel.
list(APPEND PECAN_KERNEL_CFLAGS
    -EB -march=mips64r2 -mabi=64 -G0 -mno-abicalls -fno-pic -msym32 -msoft-float)
list(APPEND PECAN_KERNEL_LDFLAGS -EB -Wl,-melf64btsmip)
