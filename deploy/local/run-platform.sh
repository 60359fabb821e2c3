#!/usr/bin/env bash
# `make run`: builds what is needed, starts the local stack and the seven applications, prints the
# gateway URL and the demo logins, and runs until interrupted. Then it stops everything it
# started: the applications (by PID file) and the stack (stack.sh stop).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
export LED_STACK_PROFILE="${LED_STACK_PROFILE:-run}"
stack=deploy/local/stack.sh
# The applications (APP_NAMES, APP_MODULES, APP_PORTS, APP_MANAGEMENT_PORTS) from deploy/applications.txt.
# shellcheck source=SCRIPTDIR/lib/applications.sh
source deploy/local/lib/applications.sh
say() { printf '[run] %s\n' "$*"; }

# True when GET on http://127.0.0.1:PORT/PATH answers 200; plain bash, so no curl is needed.
http_ok() {
  local port=$1 path=$2 status
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
  IFS= read -r -t 5 status <&3 || status=""
  exec 3>&- 3<&-
  [[ "$status" == *" 200 "* ]]
}

state_dir() { dirname "$("$stack" env)"; }

# Stops application processes recorded by PID file, including leftovers of a run that crashed: all
# at once (TERM), then waits up to 10 s for them together before KILL, so stopping takes as long as
# the slowest application, not the sum of all.
stop_apps() {
  local dir pidfile pid running=()
  dir="$(state_dir)/apps"
  [ -d "$dir" ] || return 0
  for pidfile in "$dir"/*.pid; do
    [ -e "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "quarkus-run.jar"; then
      kill -TERM "$pid" 2>/dev/null || true
      running+=("$pid")
    fi
    rm -f "$pidfile"
  done
  for _ in $(seq 1 50); do
    local alive=()
    for pid in "${running[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    running=("${alive[@]}")
    [ "${#running[@]}" -eq 0 ] && return 0
    sleep 0.2
  done
  for pid in "${running[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
}

cleanup() {
  # A second Ctrl-C must not cut the clean-up short, and a closed terminal or pipe must not
  # kill it with SIGPIPE on its next message.
  trap '' INT TERM PIPE
  say "stopping the applications and the stack"
  stop_apps
  "$stack" stop || true
}

needs_build=false
for name in "${APP_NAMES[@]}"; do
  module=${APP_MODULES[$name]}
  jar="$module/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$module/src" libs -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  say "building the applications (./mvnw package, tests skipped)"
  ./mvnw -B -q package -DskipTests
fi

# Ctrl-C or TERM ends the script; the EXIT trap then stops everything it started.
trap cleanup EXIT
trap 'exit 130' INT TERM
"$stack" start
# shellcheck disable=SC1090
source "$("$stack" env)"
stop_apps
mkdir -p "$(state_dir)/apps"
# The organisations service loads the demo directory (the dev realm's tenants, schools, people,
# memberships and engagements) from this file, which no jar carries; never set in production.
export LED_DEMO_DATA_ENABLED="${LED_DEMO_DATA_ENABLED:-true}"
export LED_DEMO_DATA_FILE="${LED_DEMO_DATA_FILE:-$repo/deploy/local/demo/demo-directory.json}"

for name in "${APP_NAMES[@]}"; do
  module=${APP_MODULES[$name]}
  log="$(state_dir)/apps/$name.log"
  # -Xms16m: the heap starts small and grows to what the application uses (the default initial heap,
  # 1/64 of the machine's memory, is the whole -Xmx here, and the young generation sized from it is
  # touched in full before the first collection). -XX:TieredStopAtLevel=1: C1 only, no C2 compiler,
  # about 30 MiB less RSS after ready (code cache, compiler arenas) and a quarter less start CPU; see
  # docs/performance.md.
  java -Xms16m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$module/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
  echo $! >"$(state_dir)/apps/$name.pid"
done

# every application answers health on its management port only, never on the public one
for name in "${APP_NAMES[@]}"; do
  for i in $(seq 1 240); do
    if http_ok "${APP_MANAGEMENT_PORTS[$name]:-${APP_PORTS[$name]}}" /q/health/ready; then
      say "$name ready on port ${APP_PORTS[$name]}"
      break
    fi
    if ! kill -0 "$(cat "$(state_dir)/apps/$name.pid")" 2>/dev/null || [ "$i" = 240 ]; then
      say "$name did not start; last lines of $(state_dir)/apps/$name.log:"
      tail -n 30 "$(state_dir)/apps/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
done

cat <<MSG

  Led platform is running. Open http://localhost:${APP_PORTS[gateway]}/ and log in.
    Gateway:   http://localhost:${APP_PORTS[gateway]}  (pages at /, the API at /api)
    Keycloak:  ${LED_KEYCLOAK_URL:-http://localhost:8180}  (realm 'led')
    Logs:      $(state_dir)/apps/

  Demo logins (demo only, password 'led-demo'):
    ks.admin, ks.analyst,
    fjordvik.executive, fjordvik.coordinator, fjordvik.principal, fjordvik.leader,
    nordhei.executive, nordhei.coordinator, nordhei.principal, nordhei.leader,
    norddal.skolechef, norddal.distriktsleder, norddal.skoleleder, norddal.afdelingsleder (Danish),
    kl.analyst (Danish national figures),
    veiviser.consultant (member of fjordvik, nordhei and norddal)

  Try it:
    TOKEN=\$(curl -s -d grant_type=password -d client_id=led-cli -d username=fjordvik.coordinator \\
      -d password=led-demo -d 'scope=openid organization:*' \\
      ${LED_OIDC_URL:-http://localhost:8180/realms/led}/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
    curl -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
      -d '{"name":"Led skole 2027"}' http://localhost:${APP_PORTS[gateway]}/api/tenants/fjordvik/programmes

  Press Ctrl-C to stop everything.
MSG

# Wait until interrupted, or until an application dies.
while true; do
  for name in "${APP_NAMES[@]}"; do
    if ! kill -0 "$(cat "$(state_dir)/apps/$name.pid")" 2>/dev/null; then
      say "$name stopped unexpectedly; see $(state_dir)/apps/$name.log"
      exit 1
    fi
  done
  sleep 2
done
