#!/usr/bin/env bash
# Make sure Debian's Chromium is there for the end-to-end browser test; never download a
# browser build of Playwright's own. Installs it with apt-get when we are root and it is
# missing. Prints what it did; exits 0 either way (the test itself decides: CI fails
# without a browser, a developer's run skips with a clear message).
set -u
for candidate in "${FRAMELAB_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "browser for the end-to-end test: $candidate"
    exit 0
  fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the end-to-end test (apt-get)..."
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 &&
     DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; then
    echo "browser for the end-to-end test: /usr/bin/chromium"
    exit 0
  fi
  echo "could not install chromium with apt-get; the end-to-end test will say so"
  exit 0
fi
echo "no chromium found and not root: install Debian's 'chromium' package to run the"
echo "end-to-end browser test (or set FRAMELAB_CHROMIUM to a Chromium binary)"
exit 0
