# shellcheck shell=bash disable=SC2034  # the arrays are for the scripts that source this file
# The platform's applications, read from deploy/applications.txt (the one list of them).
# Sourced by stack.sh, run-platform.sh and bench/run.sh.
#
# After sourcing, in the file's order:
#   APP_NAMES      short names (organisations … gateway)
#   APP_MODULES    Maven module directories, by name
#   APP_PORTS      the port: the variable's value if set, else the default, by name
#   APP_DATABASES  names of the applications that have a database (and Kafka topics)

APPLICATIONS_FILE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/applications.txt"
APP_NAMES=()
APP_DATABASES=()
declare -A APP_MODULES=() APP_PORTS=()

read_applications() {
  local name module port_var default_port database
  [[ -f "$APPLICATIONS_FILE" ]] || { echo "missing $APPLICATIONS_FILE" >&2; return 1; }
  while read -r name module port_var default_port database; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    APP_NAMES+=("$name")
    APP_MODULES[$name]=$module
    APP_PORTS[$name]=${!port_var:-$default_port}
    if [[ "$database" != - ]]; then APP_DATABASES+=("$database"); fi
  done <"$APPLICATIONS_FILE"
}
read_applications
