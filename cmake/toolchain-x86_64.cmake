# x86_64: the host's gcc, used freestanding.
include(${CMAKE_CURRENT_LIST_DIR}/toolchain-common.cmake)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER gcc)
set(CMAKE_ASM_COMPILER gcc)
set(PECAN_CROSS_PREFIX "")
# No red zone: interrupts push onto the kernel stack below rsp.
# No SSE/MMX: the kernel never saves user FPU state on entry.
# -mcmodel=kernel: the kernel lives in the top 2 GiB.
list(APPEND PECAN_KERNEL_CFLAGS
    -m64 -mno-red-zone -mno-mmx -mno-sse -mno-sse2 -mno-avx -mgeneral-regs-only
    -mcmodel=kernel -fno-pie)
list(APPEND PECAN_KERNEL_LDFLAGS -no-pie)
