#!/usr/bin/env bash
# Make sure the end-to-end browser test has its tools: Debian's Chromium (never a browser
# build of Playwright's own) and axe-core from the npm registry (pinned by
# tests/e2e/package-lock.json, installed into tests/e2e/node_modules). Installs what is
# missing with apt-get when we are root. Prints what it did; exits 0 either way (the test
# itself decides: CI fails without them, a developer's run skips with a clear message).
set -u
here="$(cd "$(dirname "$0")" && pwd)"

have_chromium() {
  for candidate in "${FRAMELAB_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "browser for the end-to-end test: $candidate"
      return 0
    fi
  done
  return 1
}

apt_updated=""
apt_install() {
  [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "$apt_updated" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

if ! have_chromium; then
  echo "installing Debian's chromium for the end-to-end test (apt-get)..."
  if apt_install chromium && have_chromium; then :; else
    echo "no chromium: install Debian's 'chromium' package to run the end-to-end browser"
    echo "test (or set FRAMELAB_CHROMIUM to a Chromium binary)"
  fi
fi

if [ ! -f "$here/node_modules/axe-core/axe.min.js" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "installing Debian's npm for the accessibility audit (apt-get)..."
    apt_install npm || true
  fi
  if command -v npm >/dev/null 2>&1; then
    echo "installing axe-core for the accessibility audit (npm ci)..."
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1) ||
      echo "could not install axe-core with npm; the accessibility audit will say so"
  else
    echo "no npm: install Debian's 'npm' package to run the accessibility audit"
  fi
fi
if [ -f "$here/node_modules/axe-core/axe.min.js" ]; then
  echo "axe-core for the accessibility audit: $here/node_modules/axe-core"
fi
exit 0
