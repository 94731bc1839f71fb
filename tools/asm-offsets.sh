#!/bin/sh
# Turn the "->NAME value" markers that OFFSET() leaves in compiled assembly
# into #defines.  $ and # are immediate prefixes on some assemblers.
echo "/* Generated from asm-offsets.c by tools/asm-offsets.sh: do not edit. */"
echo "#ifndef PECAN_ASM_OFFSETS_H"
echo "#define PECAN_ASM_OFFSETS_H"
sed -n 's/.*->\([A-Za-z_][A-Za-z0-9_]*\) [$#]*\(-\{0,1\}[0-9][0-9]*\).*/#define \1 \2/p' "$1"
echo "#endif"
