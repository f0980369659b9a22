#!/usr/bin/env bash
# Installs, when missing, the independent clients the interoperability tests run against LeakWatch:
#   Debian packages  python3-confluent-kafka python3-avro python3-requests (Confluent's Python client, legacy
#                    AvroProducer/AvroConsumer), prometheus (scrapes /metrics in a test), chromium (opens the
#                    console in a test)
#   npm packages     kafkajs, @kafkajs/confluent-schema-registry, pinned in tools/interop-js/package-lock.json;
#                    playwright-core (drives Debian's chromium), pinned in tools/browser-js/package-lock.json
# Called by `./leakwatch test` before Maven. It never fails the caller: when it cannot install something (not
# root, no network, no apt or npm) it says which tests will be skipped and why, and exits 0. Set CI=true to turn
# those skips into test failures (the tests check this, not this script).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
readonly ROOT
readonly JS_DIR="$ROOT/tools/interop-js"
readonly BROWSER_JS_DIR="$ROOT/tools/browser-js"
readonly PYTHON_PACKAGES=(python3-confluent-kafka python3-avro python3-requests)
readonly PROMETHEUS_PACKAGES=(prometheus)
readonly BROWSER_PACKAGES=(chromium)

say() {
  echo "install-test-tools: $*" >&2
}

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

missing_of() {
  local package
  for package in "$@"; do
    is_installed "$package" || echo "$package"
  done
}

# Which tests a missing Debian package takes out, for the message.
tests_needing() {
  case "$1" in
    prometheus) echo "PrometheusScrapeTest" ;;
    chromium) echo "ConsoleBrowserTest" ;;
    nodejs | npm) echo "KafkaJsInteropTest" ;;
    *) echo "PythonInteropTest" ;;
  esac
}

warn_skipped() {
  local reason="$1" package tests=()
  shift
  for package in "$@"; do
    tests+=("$(tests_needing "$package")")
  done
  say "not installing $* ($reason); $(printf '%s\n' "${tests[@]}" | sort -u | paste -sd, -) will be skipped" \
      "(or fail when CI is set). Install them with: apt-get install $*"
}

install_debian_packages() {
  local -a missing
  mapfile -t missing < <(missing_of "${PYTHON_PACKAGES[@]}" "${PROMETHEUS_PACKAGES[@]}" "${BROWSER_PACKAGES[@]}")
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  (( ${#missing[@]} == 0 )) && return 0
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    warn_skipped "this is not a Debian-like system with apt-get" "${missing[@]}"
    return 0
  fi
  if (( EUID != 0 )); then
    warn_skipped "installing needs root" "${missing[@]}"
    return 0
  fi
  say "installing ${missing[*]} with apt-get (once)"
  local log
  log="$(mktemp)"
  if apt-get update -qq >"$log" 2>&1 \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$log" 2>&1
  then
    say "installed ${missing[*]}"
  else
    tail -n 5 "$log" >&2
    warn_skipped "apt-get failed: no network or no such package?" "${missing[@]}"
  fi
  rm -f "$log"
}

# True when node_modules holds both clients and was installed from the current lock file.
js_clients_installed() {
  [[ -f "$JS_DIR/node_modules/.package-lock.json" ]] \
    && [[ ! "$JS_DIR/package-lock.json" -nt "$JS_DIR/node_modules/.package-lock.json" ]] \
    && (cd "$JS_DIR" && node -e "require.resolve('kafkajs'); require.resolve('@kafkajs/confluent-schema-registry')") \
         >/dev/null 2>&1
}

install_js_clients() {
  js_clients_installed && return 0
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    say "node and npm are not on PATH; KafkaJsInteropTest will be skipped (or fail when CI is set)." \
        "Install Node.js 18 or newer with npm."
    return 0
  fi
  say "installing kafkajs and @kafkajs/confluent-schema-registry into tools/interop-js (npm ci, once)"
  local log
  log="$(mktemp)"
  if (cd "$JS_DIR" && npm ci --no-audit --no-fund --no-update-notifier --loglevel=error) >"$log" 2>&1; then
    say "installed the npm packages"
  else
    grep -m 5 -E 'npm (error|ERR!)' "$log" >&2
    say "npm ci failed in $JS_DIR (no network to the npm registry, or no write access?);" \
        "KafkaJsInteropTest will be skipped (or fail when CI is set)."
  fi
  rm -f "$log"
}

browser_js_installed() {
  [[ -f "$BROWSER_JS_DIR/node_modules/.package-lock.json" ]] \
    && [[ ! "$BROWSER_JS_DIR/package-lock.json" -nt "$BROWSER_JS_DIR/node_modules/.package-lock.json" ]] \
    && (cd "$BROWSER_JS_DIR" && node -e "require.resolve('playwright-core')") >/dev/null 2>&1
}

install_browser_js() {
  browser_js_installed && return 0
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    say "node and npm are not on PATH; ConsoleBrowserTest will be skipped (or fail when CI is set)."
    return 0
  fi
  say "installing playwright-core into tools/browser-js (npm ci, once; it uses Debian's chromium, no download)"
  local log
  log="$(mktemp)"
  if (cd "$BROWSER_JS_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --no-update-notifier \
        --loglevel=error) >"$log" 2>&1; then
    say "installed playwright-core"
  else
    grep -m 5 -E 'npm (error|ERR!)' "$log" >&2
    say "npm ci failed in $BROWSER_JS_DIR; ConsoleBrowserTest will be skipped (or fail when CI is set)."
  fi
  rm -f "$log"
}

install_debian_packages
install_js_clients
install_browser_js
exit 0
