# Shared by every cross toolchain file: a bare-metal target with no C library.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)

# Flags every piece of kernel code is built with, on every port.  The
# toolchain file appends the CPU's own (no red zone, no FPU/SIMD, code model).
set(PECAN_KERNEL_CFLAGS
    -std=gnu11 -ffreestanding -fno-builtin -fno-common -fno-stack-protector
    -fno-pic -fno-asynchronous-unwind-tables -fno-strict-aliasing
    -Wall -Wextra -Werror -O2 -g)
set(PECAN_KERNEL_LDFLAGS -nostdlib -static -Wl,--build-id=none -Wl,-z,max-page-size=4096
    -Wl,-z,noexecstack)
