# shellcheck shell=bash
# Processes, ports and logs of the local stack: what every server's start and stop uses.
# Sourced by deploy/local/stack.sh, which sets the variables used here.

say()  { echo "[stack] $*"; }
warn() { echo "[stack] WARNING: $*" >&2; }
die()  { echo "[stack] ERROR: $*" >&2; exit 1; }

# Fields of /proc/<pid>/stat after the command name: state ppid pgrp ... (no fork).
proc_stat() {
  local line
  { read -r line <"/proc/$1/stat"; } 2>/dev/null || return 1
  echo "${line##*) }"
}

# True while the process lives (a zombie counts as dead).
alive() {
  local fields
  kill -0 "$1" 2>/dev/null || return 1
  fields="$(proc_stat "$1")" || return 1
  [[ "${fields%% *}" != Z ]]
}

# True if the process is alive and was started by this profile: every server we start
# carries the profile's state directory on its command line.
ours() {
  local pid=$1 cmdline
  alive "$pid" || return 1
  { cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline")"; } 2>/dev/null || return 1
  [[ "$cmdline" == *"$STATE_DIR/"* ]]
}

# Our live processes in process group <pgid>. Each server is started as the leader of
# its own group; this finds e.g. Keycloak's JVM when kc.sh itself was killed.
# (PostgreSQL back-ends have groups of their own and exit when the postmaster dies.)
group_members() {
  local pgid=$1 stat pid state pgrp
  for stat in /proc/[0-9]*/stat; do
    pid="${stat#/proc/}" && pid="${pid%/stat}"
    read -r state _ pgrp _ <<<"$(proc_stat "$pid")" || continue
    if [[ "$pgrp" == "$pgid" && "$state" != Z ]] && ours "$pid"; then
      echo "$pid"
    fi
  done
}

pid_file() { echo "$STATE_DIR/$1.pid"; }

# Something (anything) accepts TCP connections on 127.0.0.1:<port>.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

show_log() {
  local file=$1 lines=${2:-40}
  if [[ -s "$file" ]]; then
    echo "----- last $lines lines of $file -----" >&2
    tail -n "$lines" "$file" >&2
    echo "-----" >&2
  fi
}

# Minimal HTTP GET over bash's /dev/tcp (curl is not guaranteed); prints the status code.
http_status() {
  local port=$1 path=$2 line
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
  IFS=' ' read -r -t 10 _ line _ <&3 || line=""
  exec 3<&- 3>&-
  echo "$line"
}

# stop_server <name> <signal>: send the signal to the server's main process (or, if
# that died, to what is left of its process group), wait, then SIGKILL what remains.
stop_server() {
  local name=$1 sig=$2 file pid
  local -a members
  file="$(pid_file "$name")"
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file" 2>/dev/null || true)"
  members=()
  if [[ "$pid" =~ ^[0-9]+$ ]]; then
    mapfile -t members < <(group_members "$pid")
  fi
  if ((${#members[@]} == 0)); then
    say "$name: stale pid file (pid ${pid:-?} is gone or not ours), removing it"
    rm -f "$file"
    return 0
  fi
  say "stopping $name (pid $pid)…"
  if ours "$pid"; then
    kill "-$sig" "$pid" 2>/dev/null || true
  else
    kill "-$sig" "${members[@]}" 2>/dev/null || true   # main process gone (e.g. kill -9)
  fi
  local deadline=$((SECONDS + 30))
  while ((SECONDS < deadline)); do
    mapfile -t members < <(group_members "$pid")
    ((${#members[@]} == 0)) && break
    sleep 0.3
  done
  if ((${#members[@]} > 0)); then
    warn "$name did not stop within 30 s; killing pid(s) ${members[*]}"
    kill -KILL "${members[@]}" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$file"
}

# start_again <name> <label> <start-function> <wait-function> [port…]: starts one server of the
# profile again on its existing state (after a fault test stopped or killed it) unless it still
# runs, the rest of the stack untouched; the ports, if given, must be free first. Then waits
# until it is ready, or stops it and fails.
start_again() {
  local name=$1 label=$2 start=$3 wait=$4 t0=$SECONDS pid port
  shift 4
  mkdir -p "$STATE_DIR" "$LOG_DIR"
  pid="$(cat "$(pid_file "$name")" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && ours "$pid"; then
    say "$label already runs (pid $pid)"
  else
    for port in "$@"; do
      if port_open "$port"; then die "port $port ($label) is already in use by another process"; fi
    done
    "$start" || die "$label failed to start"
  fi
  "$wait" || { stop_server "$name" TERM; die "$label failed to become ready"; }
  say "$label up in $((SECONDS - t0)) s (profile $PROFILE)"
}
