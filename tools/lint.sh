#!/bin/sh
# lint.sh SRCDIR: cppcheck over the kernel: the generic core and drivers,
# then each port with its own include roots.  Findings fail the test; one
# that is kept is suppressed in place with a comment saying why
# (cppcheck-suppress).  Checks: warning and portability.
set -u
cd "$1" || exit 2
command -v cppcheck >/dev/null || { echo "lint: cppcheck not found (apt-get install cppcheck)"; exit 2; }
flags="--quiet --enable=warning,portability --std=c11 --inline-suppr --error-exitcode=1 -D__GNUC__"
fail=0
for port in x86_64 aarch64 mips64; do
	inc="-I src/generic -I src/arch/$port/include -I src/glue/$port/include -I src/drivers -I include"
	cppcheck $flags $inc src/arch/$port src/glue/$port || fail=1
done
cppcheck $flags -I src/generic -I src/arch/x86_64/include -I src/drivers -I include src/generic src/drivers || fail=1
[ $fail = 0 ] && echo "lint: cppcheck found nothing in src/"
exit $fail
