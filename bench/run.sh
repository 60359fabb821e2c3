#!/usr/bin/env bash
# `make bench`: runs the benchmarks against the local stack and writes bench/results/<date>.md.
#
#   1. builds the applications and the harness if a jar is missing or older than its sources
#      (after `make test` nothing needs building);
#   2. part 6: times `make run` (it starts its own stack on the bench ports, so nothing else may);
#   3. parts 1 to 5 inside deploy/local/with-stack.sh (a fresh stack, profile "bench");
#   4. writes the results file from what the parts recorded in bench/target/bench-work.
#
# The stack uses its own ports (below) so that a developer's stack on the default ports is not in
# the way; override any of them through the environment. See docs/performance.md.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
say() { printf '[bench] %s\n' "$*"; }

export LED_BENCH_STARTED="${LED_BENCH_STARTED:-$(date +%s)}"
export LED_STACK_PROFILE="${LED_STACK_PROFILE:-bench}"
export LED_BENCH_RUN_PROFILE="${LED_BENCH_RUN_PROFILE:-bench-run}"
export LED_DB_PORT="${LED_DB_PORT:-35432}"
export LED_KAFKA_PORT="${LED_KAFKA_PORT:-39092}"
export LED_KAFKA_CONTROLLER_PORT="${LED_KAFKA_CONTROLLER_PORT:-39093}"
export LED_KEYCLOAK_PORT="${LED_KEYCLOAK_PORT:-38180}"
export LED_KEYCLOAK_MGMT_PORT="${LED_KEYCLOAK_MGMT_PORT:-38190}"

version=0.1.0-SNAPSHOT
harness="bench/harness/target/led-bench-harness-$version.jar"
needs_build=false
# shellcheck source=SCRIPTDIR/../deploy/local/lib/applications.sh
source deploy/local/lib/applications.sh
for module in "${APP_MODULES[@]}" bench/minimal-app; do
  jar="$module/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$module/src" libs -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
done
if [ ! -f "$harness" ] || [ ! -d bench/harness/target/lib ] \
   || [ -n "$(find bench/harness/src bench/harness/pom.xml -newer "$harness" -type f -print -quit 2>/dev/null)" ]; then
  needs_build=true
fi
if $needs_build; then
  say "building the applications and the harness (./mvnw package, tests skipped)"
  ./mvnw -B -q package -DskipTests -pl bench/harness -am
fi

work="$repo/bench/target/bench-work"
report="$repo/bench/results/$(date +%F).md"
rm -rf "$work"
mkdir -p "$work"
bench=(java -Xms256m -Xmx1g -Dled.repository.root="$repo" -cp "$harness:bench/harness/target/lib/*"
       no.ks.led.bench.Bench --mode full --work "$work")

rc=0
say "part 6: make run, several times (profile $LED_BENCH_RUN_PROFILE)"
"${bench[@]}" --parts whole-stack || rc=1
say "parts 1 to 5 and 7: against a fresh stack (profile $LED_STACK_PROFILE)"
deploy/local/with-stack.sh "${bench[@]}" --parts gateway,events,survey-ingest,aggregation,footprint,web || rc=1
"${bench[@]}" --parts none --report "$report" || rc=1
say "took $(( $(date +%s) - LED_BENCH_STARTED )) s; results: ${report#"$repo"/}"
exit $rc
