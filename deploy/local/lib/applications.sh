# shellcheck shell=bash disable=SC2034  # the arrays are for the scripts that source this file
# The platform's applications, read from deploy/applications.txt (the one list of them).
# Sourced by stack.sh, run-platform.sh and bench/run.sh.
#
# After sourcing, in the file's order:
#   APP_NAMES      short names (organisations … gateway)
#   APP_MODULES    Maven module directories, by name
#   APP_PORTS      the port: the variable's value if set, else the default, by name
#   APP_MANAGEMENT_PORTS  the management interface's port (health, metrics), by name, read from the
#                  module's quarkus.management.port=${VARIABLE:default} (the variable's value if set)
#   APP_DATABASES  names of the applications that have a database (and Kafka topics)

APPLICATIONS_FILE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/applications.txt"
APP_NAMES=()
APP_DATABASES=()
declare -A APP_MODULES=() APP_PORTS=() APP_MANAGEMENT_PORTS=()

# The management port of one application, if its application.properties switches the interface on.
read_management_port() {
  local name=$1 module=$2 properties line variable default
  properties="$(dirname "$APPLICATIONS_FILE")/../$module/src/main/resources/application.properties"
  [[ -f "$properties" ]] || return 0
  grep -qx 'quarkus.management.enabled=true' "$properties" || return 0
  line=$(grep -m1 '^quarkus.management.port=' "$properties") || return 0
  if [[ "$line" =~ \$\{([A-Z0-9_]+):([0-9]+)\} ]]; then
    variable=${BASH_REMATCH[1]}
    default=${BASH_REMATCH[2]}
    APP_MANAGEMENT_PORTS[$name]=${!variable:-$default}
  fi
}

read_applications() {
  local name module port_var default_port database
  [[ -f "$APPLICATIONS_FILE" ]] || { echo "missing $APPLICATIONS_FILE" >&2; return 1; }
  while read -r name module port_var default_port database; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    APP_NAMES+=("$name")
    APP_MODULES[$name]=$module
    APP_PORTS[$name]=${!port_var:-$default_port}
    read_management_port "$name" "$module"
    if [[ "$database" != - ]]; then APP_DATABASES+=("$database"); fi
  done <"$APPLICATIONS_FILE"
}
read_applications
