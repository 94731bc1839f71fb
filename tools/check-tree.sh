#!/bin/sh
# check-tree.sh SRCDIR: rules of the tree that a test can check.
#  1. src/generic has no architecture conditionals (CPU differences go
#     through port.h).
#  2. Every hook declared in port.h is described in docs/architecture.md.
set -u
src=$1
fail=0

arch_ifs=$(grep -rnE '^[[:space:]]*#[[:space:]]*(if|ifdef|ifndef|elif).*(__x86_64__|__i386__|__amd64__|__aarch64__|__arm__|__mips|__riscv|__powerpc|ARCH_|CONFIG_ARCH|PECAN_PORT\b)' "$src/src/generic")
if [ -n "$arch_ifs" ]; then
	echo "FAIL: architecture conditionals in src/generic:"
	echo "$arch_ifs"
	fail=1
fi

hooks=$(grep -oE '\bport_[a-z0-9_]+' "$src/src/generic/port.h" | sort -u)
n=0
for h in $hooks; do
	n=$((n + 1))
	grep -qw "$h" "$src/docs/architecture.md" || { echo "FAIL: $h (port.h) is not in docs/architecture.md"; fail=1; }
done
[ "$n" -gt 10 ] || { echo "FAIL: found only $n hooks in port.h"; fail=1; }
[ $fail = 0 ] && echo "check-tree: $n port hooks documented, no architecture conditionals in src/generic"
exit $fail
