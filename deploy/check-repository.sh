#!/usr/bin/env bash
# Checks of the repository that need no build; `make test` runs them before the Maven build.
#
#   1. shellcheck over every shell script of the repository;
#   2. no private key in any file of the repository: the local realm's signing key is generated
#      per stack profile into its state directory (deploy/local/tools/RealmSigningKey.java), and
#      real keys live in Kubernetes Secrets;
#   3. Chromium and its driver are there for the web app's browser tests (e2e *BrowserIT).
#
# A missing tool is installed with apt-get when running as root (CI), else the check stops with
# one line saying what to install.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
say() { printf '[check] %s\n' "$*"; }
die() { printf '[check] ERROR: %s\n' "$*" >&2; exit 1; }

# require <command> <Debian package>
require() {
  command -v "$1" >/dev/null && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "installing $2 (apt-get install -y $2)…"
    if ! apt-get install -y -qq "$2" >/dev/null 2>&1; then
      apt-get update -qq >/dev/null 2>&1 || true
      apt-get install -y -qq "$2" >/dev/null 2>&1 || die "apt-get install -y $2 failed; install $2 and run again"
    fi
    command -v "$1" >/dev/null && return 0
  fi
  die "$1 is missing: install the package $2 (Debian/Ubuntu: sudo apt-get install $2; macOS: brew install $2)"
}

# The repository's files: tracked and new ones (not ignored) in a git checkout, else all but build output.
files() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
      [[ -f "$f" ]] && printf '%s\0' "$f"
    done
  else
    find . -type f -not -path '*/target/*' -not -path './.git/*' -not -path '*/node_modules/*' -printf '%P\0'
  fi
}

# Shell scripts: *.sh, and files whose first line runs sh or bash (e.g. mvnw).
shell_scripts() {
  local f first
  while IFS= read -r -d '' f; do
    if [[ "$f" == *.sh ]]; then
      printf '%s\0' "$f"
    elif IFS= read -r first <"$f" 2>/dev/null && [[ "$first" =~ ^#!.*(/|[[:space:]])(ba)?sh([[:space:]]|$) ]]; then
      printf '%s\0' "$f"
    fi
  done < <(files)
}

# PEM private keys of any kind, and base64 DER of RSA (PKCS#8, PKCS#1) and EC (PKCS#8) private keys
# as Keycloak realm files and Java code carry them.
PRIVATE_KEY='-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----|MII[A-Za-z0-9+/]{1,3}IBADANBgkqhkiG9w0BAQEFAAS|MII[A-Za-z0-9+/]{1,3}IBAAKC[AQ]|MIG[A-Za-z0-9+/]AgEAMBMGByqGSM49AgEG'

# Prints the files (NUL-separated names on stdin) that contain a private key.
files_with_private_keys() {
  xargs -0 -r grep -I -l -E -e "$PRIVATE_KEY" -- 2>/dev/null || true
}

check_scripts() {
  require shellcheck shellcheck
  local -a scripts
  mapfile -d '' -t scripts < <(shell_scripts)
  shellcheck -x "${scripts[@]}" || die "shellcheck found problems in the scripts above"
  say "shellcheck: ${#scripts[@]} scripts pass"
}

check_no_private_keys() {
  # First prove the check catches a key like the one the local stack generates.
  local sample found
  sample="$(mktemp)"
  trap 'rm -f "$sample"' RETURN
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" deploy/local/tools/RealmSigningKey.java >"$sample"
  [[ -n "$(printf '%s\0' "$sample" | files_with_private_keys)" ]] \
    || die "the private-key check does not recognise a generated key"
  found="$(files | files_with_private_keys)"
  [[ -z "$found" ]] || die "private key(s) in the repository, remove them (generate keys at run time): $(echo "$found" | tr '\n' ' ')"
  say "no private keys in the repository"
}

check_browser() {
  require chromium chromium
  require chromedriver chromium-driver
  say "browser tests: $(chromium --version 2>/dev/null | head -n 1)"
}

check_scripts
check_no_private_keys
check_browser
