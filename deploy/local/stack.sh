#!/usr/bin/env bash
# Local stack for the Led platform: PostgreSQL, Apache Kafka (KRaft) and Keycloak,
# run as plain processes (no Docker). See deploy/local/README.md.
#
#   stack.sh prepare   download the runtimes into the cache (idempotent)
#   stack.sh start     (re)start all three servers, wait until ready, write stack.env
#   stack.sh stop      stop what this profile started (idempotent)
#   stack.sh stop-keycloak / start-keycloak
#                      stop or start only this profile's Keycloak (tests of a Keycloak outage);
#                      start-keycloak re-imports the realms and waits until they answer
#   stack.sh kill-kafka / start-kafka, stop-postgres-immediately / start-postgres
#                      faults for the fault suite (e2e ChaosIT): SIGKILL the broker, PostgreSQL's
#                      immediate shutdown; and start each again on its existing data
#   stack.sh status    show which servers run
#   stack.sh env       print the path of the env file
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

# ---------------------------------------------------------------- versions
PG_ARTIFACT_VERSION=17.11.0        # io.zonky.test.postgres binaries = PostgreSQL 17.11
KAFKA_VERSION=4.4.0
KEYCLOAK_VERSION=26.7.3
SLF4J_SIMPLE_VERSION=1.7.36        # Kafka logs through slf4j 1.7; a 2.x binding would log nothing
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
# Build-time Keycloak options; the marker file remembers them so a change triggers a rebuild.
KC_BUILD_OPTS=(--db=dev-mem --health-enabled=true)

# ---------------------------------------------------------------- settings
HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
STACK_HOME="${LED_STACK_HOME:-$HOME/.cache/led-stack}"
RUNTIMES="$STACK_HOME/runtimes"
PROFILE="${LED_STACK_PROFILE:-run}"
STATE_DIR="$STACK_HOME/state/$PROFILE"
LOG_DIR="$STATE_DIR/logs"
ENV_FILE="$STATE_DIR/stack.env"

DB_PORT="${LED_DB_PORT:-15432}"
KAFKA_PORT="${LED_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${LED_KAFKA_CONTROLLER_PORT:-19093}"
KC_PORT="${LED_KEYCLOAK_PORT:-8180}"
KC_MGMT_PORT="${LED_KEYCLOAK_MGMT_PORT:-8190}"
KC_ADMIN_PASSWORD="${LED_KEYCLOAK_ADMIN_PASSWORD:-admin}"
TIMEOUT="${LED_STACK_TIMEOUT:-180}"   # seconds each server may take to become ready

DB_USER=led
DB_PASSWORD=led

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

PG_HOME="$RUNTIMES/postgres-$PG_ARTIFACT_VERSION"
KAFKA_HOME="$RUNTIMES/kafka-$KAFKA_VERSION"
KC_HOME="$RUNTIMES/keycloak-$KEYCLOAK_VERSION"
REALM_FILE="$SCRIPT_DIR/realm/led-realm.json"
# A second realm acting as Feide (an external OIDC provider) for the led realm's broker.
FEIDE_REALM_FILE="$SCRIPT_DIR/realm/feide-standin-realm.json"
# A third realm acting as the Danish login (MitID Erhverv or UNI-Login) for Danish tenants.
DANISH_LOGIN_REALM_FILE="$SCRIPT_DIR/realm/danish-login-standin-realm.json"
TOPIC_TOOL="$SCRIPT_DIR/tools/CreateTopics.java"
SIGNING_KEY_TOOL="$SCRIPT_DIR/tools/RealmSigningKey.java"
# Compiled classes of the topic tool, one directory per version of its source.
TOPIC_TOOL_CP="$RUNTIMES/tools/create-topics-$(cksum <"$TOPIC_TOOL" | cut -d' ' -f1)"

# ---------------------------------------------------------------- jobs
# One file per job; each defines functions only (applications.sh also reads the list of
# applications, whose databases and topics the stack creates).
# shellcheck source=SCRIPTDIR/lib/applications.sh
source "$SCRIPT_DIR/lib/applications.sh"
# shellcheck source=SCRIPTDIR/lib/processes.sh
source "$SCRIPT_DIR/lib/processes.sh"
# shellcheck source=SCRIPTDIR/lib/runtimes.sh
source "$SCRIPT_DIR/lib/runtimes.sh"
# shellcheck source=SCRIPTDIR/lib/postgres.sh
source "$SCRIPT_DIR/lib/postgres.sh"
# shellcheck source=SCRIPTDIR/lib/kafka.sh
source "$SCRIPT_DIR/lib/kafka.sh"
# shellcheck source=SCRIPTDIR/lib/keycloak.sh
source "$SCRIPT_DIR/lib/keycloak.sh"

# ---------------------------------------------------------------- prepare
# Everything is unpacked into a temporary directory first and moved into place at the
# end, so an interrupted download never leaves a half-installed runtime behind.
cmd_prepare() {
  mkdir -p "$RUNTIMES"
  command -v "$JAVA" >/dev/null || die "no java found (set JAVA_HOME or put java on PATH)"
  # In a subshell holding a lock: two builds preparing at once would race on the same
  # files. The subshell also keeps the lock's file descriptor away from the servers.
  (
    if command -v flock >/dev/null; then
      exec 9>"$RUNTIMES/.prepare.lock"
      flock 9
    fi
    prepare_postgres
    prepare_kafka
    prepare_keycloak
    prepare_topic_tool
  )
}

# ---------------------------------------------------------------- PostgreSQL# ---------------------------------------------------------------- stop
cmd_stop() {
  # SIGINT is PostgreSQL's fast shutdown (what pg_ctl stop -m fast sends); SIGTERM is
  # an orderly shutdown for the Kafka broker and for kc.sh (which stops its JVM).
  stop_server keycloak TERM &
  stop_server kafka TERM &
  stop_server postgres INT &
  wait
}

# ---------------------------------------------------------------- start
# EXIT trap during start: if start did not get to the end, stop whatever it started,
# so a failed start leaves nothing running.
on_start_exit() {
  local rc=$?
  if ((rc != 0)); then
    say "start failed; stopping what was started (logs: $LOG_DIR)"
    cmd_stop >/dev/null 2>&1 || true
  fi
  exit "$rc"
}

check_ports_free() {
  local entry name port busy=0
  for entry in "PostgreSQL:$DB_PORT" "Kafka:$KAFKA_PORT" "Kafka-controller:$KAFKA_CONTROLLER_PORT" \
               "Keycloak:$KC_PORT" "Keycloak-management:$KC_MGMT_PORT"; do
    name="${entry%%:*}" port="${entry##*:}"
    if port_open "$port"; then
      echo "[stack] ERROR: port $port ($name) is already in use by another process" >&2
      if command -v ss >/dev/null; then ss -ltnpH "( sport = :$port )" >&2 || true; fi
      busy=1
    fi
  done
  ((busy == 0)) || die "free the port(s) above or choose others (LED_DB_PORT, LED_KAFKA_PORT, LED_KAFKA_CONTROLLER_PORT, LED_KEYCLOAK_PORT, LED_KEYCLOAK_MGMT_PORT)"
}

write_env() {
  cat >"$ENV_FILE.tmp" <<EOF
# Written by deploy/local/stack.sh start (profile $PROFILE). Source it.
export LED_DB_HOST=127.0.0.1
export LED_DB_PORT=$DB_PORT
export LED_DB_USER=$DB_USER
export LED_DB_PASSWORD=$DB_PASSWORD
export LED_KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
export LED_OIDC_URL=http://localhost:$KC_PORT/realms/led
export LED_KEYCLOAK_URL=http://localhost:$KC_PORT
export LED_KEYCLOAK_ADMIN=admin
export LED_KEYCLOAK_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD
export LED_GATEWAY_CLIENT_SECRET=$(gateway_secret)
EOF
  mv -f "$ENV_FILE.tmp" "$ENV_FILE"
}

cmd_start() {
  local t0=$SECONDS
  [[ -f "$REALM_FILE" ]] || die "realm file missing: $REALM_FILE"
  cmd_prepare
  # Whatever an earlier start of this profile left running (or a crash left behind).
  cmd_stop
  if [[ "${LED_STACK_FRESH:-0}" == 1 ]]; then
    say "fresh state: wiping $STATE_DIR"
    rm -rf "$STATE_DIR"
  fi
  mkdir -p "$STATE_DIR" "$LOG_DIR"
  rm -f "$ENV_FILE"
  check_ports_free
  pg_choose_user

  trap on_start_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  # Slowest first; all three run in parallel from here on.
  keycloak_start
  kafka_start || die "Kafka failed to start"
  postgres_init
  postgres_start || die "PostgreSQL failed to start"
  kafka_wait || die "Kafka failed to become ready"
  keycloak_wait || die "Keycloak failed to become ready"

  write_env
  trap - EXIT INT TERM
  say "stack up in $((SECONDS - t0)) s (profile $PROFILE)"
  cat <<EOF
  PostgreSQL  127.0.0.1:$DB_PORT  user $DB_USER/$DB_PASSWORD  databases: ${APP_DATABASES[*]}
  Kafka       127.0.0.1:$KAFKA_PORT  (controller $KAFKA_CONTROLLER_PORT)
  Keycloak    http://localhost:$KC_PORT  realm led, admin admin/$KC_ADMIN_PASSWORD  (health: http://localhost:$KC_MGMT_PORT/health)
  logs        $LOG_DIR
  env file    $ENV_FILE   (source it; 'stack.sh stop' stops everything)
EOF
}

# ---------------------------------------------------------------- Keycloak alone
# For tests of a Keycloak outage: the rest of the stack keeps running. The realms are
# re-imported on start (dev-mem) with the profile's signing key, so earlier tokens stay valid.
cmd_stop_keycloak() {
  stop_server keycloak TERM
}

cmd_start_keycloak() {
  start_again keycloak Keycloak keycloak_start keycloak_wait "$KC_PORT" "$KC_MGMT_PORT"
}

# ---------------------------------------------------------------- status / env
cmd_status() {
  local name file pid all=0
  for name in postgres kafka keycloak; do
    file="$(pid_file "$name")"
    pid="$(cat "$file" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && ours "$pid"; then
      printf '%-9s running (pid %s)\n' "$name" "$pid"
    elif [[ -n "$pid" ]]; then
      printf '%-9s not running (stale pid file)\n' "$name"
      all=3
    else
      printf '%-9s not running\n' "$name"
      all=3
    fi
  done
  echo "profile $PROFILE, state $STATE_DIR"
  return "$all"
}

cmd_env() {
  echo "$ENV_FILE"
  [[ -f "$ENV_FILE" ]] || { echo "[stack] $ENV_FILE does not exist yet: run 'stack.sh start'" >&2; return 1; }
}

usage() {
  sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  prepare) cmd_prepare; say "runtimes ready in $RUNTIMES" ;;
  start)   cmd_start ;;
  stop)    cmd_stop ;;
  stop-keycloak)  cmd_stop_keycloak ;;
  start-keycloak) cmd_start_keycloak ;;
  kill-kafka)     cmd_kill_kafka ;;
  start-kafka)    cmd_start_kafka ;;
  stop-postgres-immediately) cmd_stop_postgres_immediately ;;
  start-postgres) cmd_start_postgres ;;
  status)  cmd_status ;;
  env)     cmd_env ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
