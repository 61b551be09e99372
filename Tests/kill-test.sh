#!/usr/bin/env bash
# Issue 4, "Safety of the data": builds tidings, then runs the kill test (Tests/TidingsStoreTests/KillTests.swift)
# with 50 rounds of SIGKILL during `refresh` and `mark`, each followed by integrity, flag, duplicate,
# counter and search-index checks. Prints one line; exits non-zero when an invariant failed.
# Environment: TIDINGS_KILL_ROUNDS (default 50), TIDINGS_KILL_SEED (replay a run), TIDINGS_BIN.
set -uo pipefail
cd "$(dirname "$0")/.."

rounds="${TIDINGS_KILL_ROUNDS:-50}"
log="$(mktemp "${TMPDIR:-/tmp}/tidings-kill-XXXXXX.log")"

if ! swift build --product tidings >"$log" 2>&1; then
    echo "kill-test: FAILED to build tidings (log: $log)"
    exit 1
fi
export TIDINGS_BIN="${TIDINGS_BIN:-$PWD/.build/debug/tidings}"
TIDINGS_KILL_ROUNDS="$rounds" SWIFT_BACKTRACE=enable=no \
    swift test --disable-xctest --filter KillTests >>"$log" 2>&1
status=$?

line="$(grep -m1 '^kill-test:' "$log")"
if [ "$status" -eq 0 ] && [ -n "$line" ]; then
    echo "$line"
    rm -f "$log"
    exit 0
fi
echo "${line:-kill-test: the test did not report} (FAILED, status $status; details in $log)"
exit 1
