#!/usr/bin/env bash
# Runs a command with the local stack up, and always stops the stack afterwards.
#
#   deploy/local/with-stack.sh mvn -B verify
#
# Profile "test" and a fresh state by default (LED_STACK_PROFILE / LED_STACK_FRESH
# override). The command sees the variables of stack.env (LED_DB_PORT, LED_OIDC_URL, …).
# Exits with the command's exit code (or the start's, if the stack did not come up).
set -euo pipefail

STACK="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/stack.sh"
export LED_STACK_PROFILE="${LED_STACK_PROFILE:-test}"
export LED_STACK_FRESH="${LED_STACK_FRESH:-1}"

if (($# == 0)); then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

child=""
# shellcheck disable=SC2317  # invoked through the EXIT trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$child" ]] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  "$STACK" stop || echo "[with-stack] WARNING: stopping the stack failed" >&2
  exit "$rc"
}
trap cleanup EXIT
# A signal ends the command too (it runs in the background, see below) and then the stack.
trap 'exit 130' INT
trap 'exit 143' TERM

# Both the start and the command run in the background while we wait for them: a
# foreground child would delay the INT/TERM traps until it had finished by itself.
run() {
  if { true <&0; } 2>/dev/null; then
    "$@" <&0 &
  else
    "$@" </dev/null &   # no stdin at all (e.g. CI): give it an empty one
  fi
  child=$!
  local rc
  wait "$child"
  rc=$?
  # wait returns early (status > 128) when a trapped signal arrives, and the trap exits;
  # otherwise rc is the child's own status.
  while kill -0 "$child" 2>/dev/null; do
    wait "$child"
    rc=$?
  done
  child=""
  return "$rc"
}

set +e
run "$STACK" start
rc=$?
if ((rc != 0)); then
  exit "$rc"
fi
# shellcheck disable=SC1090
source "$("$STACK" env)" || exit 1

run "$@"
exit $?
