# User programs for one port (PECAN_PORT), built with the port's cross
# compiler: the X.2 C API (include/l4), the small libc and crt0 (user/lib),
# and the function that links a program:
#
#   pecan_user_program(<name> ADDRESS <hex link address> SOURCES <files...>
#                      [INCLUDES <dirs...>] [STACK <bytes>])
#
# makes target <name> and the file <name>.elf in the current binary
# directory.  Include this file from a per-port project (cmake/kernel.cmake);
# it needs nothing but PECAN_PORT and the port's toolchain file.
#
# A program includes <l4/*.h> and the libc headers (<stdio.h>, <string.h>,
# <stdlib.h>, <assert.h>); the include directories are
#   include                     the generic X.2 headers (and <l4/abi.h>)
#   include/l4/<port>           the port's <l4/arch/*.h> (trap, UTCB pointer)
#   user/lib/include            the libc
# plus the compiler's own freestanding headers (<stdint.h>, <stdarg.h>, ...);
# nothing from the host's C library (-nostdinc).

set(PECAN_USER_ROOT ${CMAKE_CURRENT_LIST_DIR}/..)
get_filename_component(PECAN_USER_ROOT ${PECAN_USER_ROOT} ABSOLUTE)

# Link addresses of the boot programs, per port.  sigma0 and the roottask are
# loaded at physical = virtual addresses, so these must be RAM on the board
# (x86_64 and mips64 RAM starts at 0, aarch64 virt's at 0x40000000) and clear
# of the kernel image and of each other.
set(PECAN_SIGMA0_ADDRESS_x86_64    0x00800000)
set(PECAN_SIGMA0_ADDRESS_aarch64   0x40800000)
set(PECAN_SIGMA0_ADDRESS_mips64    0x00800000)
set(PECAN_ROOTTASK_ADDRESS_x86_64  0x01000000)
set(PECAN_ROOTTASK_ADDRESS_aarch64 0x41000000)
set(PECAN_ROOTTASK_ADDRESS_mips64  0x01000000)
set(PECAN_SIGMA0_ADDRESS ${PECAN_SIGMA0_ADDRESS_${PECAN_PORT}})
set(PECAN_ROOTTASK_ADDRESS ${PECAN_ROOTTASK_ADDRESS_${PECAN_PORT}})
if(NOT PECAN_SIGMA0_ADDRESS OR NOT PECAN_ROOTTASK_ADDRESS)
  message(FATAL_ERROR "cmake/user.cmake: no link addresses for port '${PECAN_PORT}'")
endif()

# Compiler flags.  No FPU/SIMD registers anywhere in user code: the kernel
# does not save them.  Absolute (non-PIC) code at a fixed address.
set(PECAN_USER_CFLAGS
    -std=gnu11 -ffreestanding -fno-common -fno-stack-protector -fno-pic
    -fno-asynchronous-unwind-tables -fno-strict-aliasing
    -Wall -Wextra -Werror -O2 -g)
set(PECAN_USER_LDFLAGS
    -nostdlib -static -Wl,--build-id=none -Wl,-z,max-page-size=4096
    -Wl,-z,noexecstack)
if(PECAN_PORT STREQUAL "x86_64")
  list(APPEND PECAN_USER_CFLAGS -m64 -mgeneral-regs-only -fno-pie)
  list(APPEND PECAN_USER_LDFLAGS -no-pie)
elseif(PECAN_PORT STREQUAL "aarch64")
  list(APPEND PECAN_USER_CFLAGS -mgeneral-regs-only -fno-pie)
  list(APPEND PECAN_USER_LDFLAGS -no-pie)
elseif(PECAN_PORT STREQUAL "mips64")
  # -G0: no small-data section, so $gp needs no setup; soft-float: no FPU.
  list(APPEND PECAN_USER_CFLAGS
       -EB -march=mips64r2 -mabi=64 -G0 -mno-abicalls -fno-pic -msoft-float)
  list(APPEND PECAN_USER_LDFLAGS -EB -Wl,-melf64btsmip)
else()
  message(FATAL_ERROR "cmake/user.cmake: no compiler flags for port '${PECAN_PORT}'")
endif()

# The compiler's own headers only: -nostdinc drops the host libc's.
execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=include
                OUTPUT_VARIABLE PECAN_USER_CC_INCLUDE OUTPUT_STRIP_TRAILING_WHITESPACE)
list(APPEND PECAN_USER_CFLAGS -nostdinc -isystem ${PECAN_USER_CC_INCLUDE})

set(PECAN_USER_INCLUDES
    ${PECAN_USER_ROOT}/include
    ${PECAN_USER_ROOT}/include/l4/${PECAN_PORT}
    ${PECAN_USER_ROOT}/user/lib/include)

# The libc, one static library per port.  -fno-tree-loop-distribute-patterns:
# memset's and memcpy's loops must not become calls to themselves.
add_library(pecan-ulibc STATIC
    ${PECAN_USER_ROOT}/src/generic/string.c
    ${PECAN_USER_ROOT}/user/lib/string.c
    ${PECAN_USER_ROOT}/user/lib/printf.c
    ${PECAN_USER_ROOT}/user/lib/exit.c)
target_include_directories(pecan-ulibc PUBLIC ${PECAN_USER_INCLUDES})
target_compile_options(pecan-ulibc PRIVATE ${PECAN_USER_CFLAGS}
    -fno-tree-loop-distribute-patterns)

# Every inline function of the API, compiled once per port (test/api).
if(EXISTS ${PECAN_USER_ROOT}/test/api/all_headers.c)
  add_library(pecan-api-headers OBJECT ${PECAN_USER_ROOT}/test/api/all_headers.c)
  target_include_directories(pecan-api-headers PRIVATE ${PECAN_USER_INCLUDES})
  target_compile_options(pecan-api-headers PRIVATE ${PECAN_USER_CFLAGS})
endif()

function(pecan_user_program name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "ADDRESS;STACK" "SOURCES;INCLUDES")
  if(NOT arg_ADDRESS OR NOT arg_SOURCES)
    message(FATAL_ERROR "pecan_user_program(${name}): ADDRESS and SOURCES are required")
  endif()

  set(ldscript ${CMAKE_CURRENT_BINARY_DIR}/${name}.ld)
  set(PECAN_LINK_ADDRESS ${arg_ADDRESS})
  configure_file(${PECAN_USER_ROOT}/user/lib/user.ld.in ${ldscript} @ONLY)

  set(crt0 ${PECAN_USER_ROOT}/user/lib/${PECAN_PORT}/crt0.S)
  add_executable(${name} ${crt0} ${arg_SOURCES})
  set_target_properties(${name} PROPERTIES
      OUTPUT_NAME ${name}.elf SUFFIX ""
      RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  target_include_directories(${name} PRIVATE ${arg_INCLUDES} ${PECAN_USER_INCLUDES})
  target_compile_options(${name} PRIVATE ${PECAN_USER_CFLAGS})
  if(arg_STACK)
    target_compile_definitions(${name} PRIVATE PECAN_STACK_SIZE=${arg_STACK})   # crt0's stack
  endif()
  target_link_options(${name} PRIVATE ${PECAN_USER_LDFLAGS} -T ${ldscript}
      -Wl,-Map=${CMAKE_CURRENT_BINARY_DIR}/${name}.map)
  target_link_libraries(${name} PRIVATE pecan-ulibc gcc)
  set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS ${ldscript})
endfunction()
