#!/bin/sh
# The boot tests are only as good as their judge: check that tools/qemu-run
# fails on a hang, a wrong exit status, a missing line and an unwanted line,
# and passes when everything holds.  A fake "QEMU" (sh -c) stands in.
set -u
run=$1/tools/qemu-run
fails=0 checks=0

expect() {      # expect STATUS DESCRIPTION qemu-run-args...
	want=$1 what=$2
	shift 2
	"$run" --quiet "$@" >/dev/null 2>&1
	got=$?
	checks=$((checks + 1))
	if [ "$got" != "$want" ]; then
		echo "FAIL: $what: qemu-run exited $got, wanted $want"
		fails=$((fails + 1))
	fi
}

expect 0 "all lines present" --expect '^a$' --expect '^b' -- sh -c 'printf "a\r\nb c\n"'
expect 1 "missing line" --expect '^a$' --expect '^zzz' -- sh -c 'echo a'
expect 1 "unwanted line" --expect '^a' --reject '^PANIC' -- sh -c 'echo a; echo PANIC: x'
expect 1 "wrong exit status" --exit-ok 1 --expect '^a' -- sh -c 'echo a; exit 3'
expect 0 "odd success status" --exit-ok 1 --expect '^a' -- sh -c 'echo a; exit 1'
expect 1 "hang" --timeout 1 --expect '^a' -- sh -c 'echo a; sleep 30'
expect 2 "no such emulator" -- /nonexistent/qemu

echo "test-qemu-run: $((checks - fails)) passed, $fails failed"
[ $fails = 0 ]
