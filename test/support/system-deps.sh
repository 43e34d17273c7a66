#!/usr/bin/env bash
# Brings the Debian packages the test suite runs for real: Chromium (browser tests),
# PostgreSQL (export tests) and Redis (queue tests). Installs only what is missing, and only as
# root (as CI runs); otherwise says what to install.
set -euo pipefail

need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)

if ((${#need[@]} == 0)); then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "test/support/system-deps.sh: missing Debian packages: ${need[*]} (run as root, or: sudo apt-get install -y ${need[*]}); the tests that need them will fail." >&2
  exit 0
fi
echo "test/support/system-deps.sh: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# Debian starts the services it installs when it can; the tests start their own on loopback.
for svc in postgresql redis-server; do
  if command -v service >/dev/null 2>&1; then service "$svc" stop >/dev/null 2>&1 || true; fi
done
echo "test/support/system-deps.sh: installed ${need[*]}" >&2
