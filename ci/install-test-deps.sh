#!/bin/sh
# What `make test` needs beyond the venv, from Debian's packages:
#   chromium  the test that opens the monthly report in a real headless browser
#             (tests/commands/test_report_browser.py)
#   faketime  the tests that step the daemon's wall clock (tests/runtime/test_daemon_clock.py)
# Idempotent: installs only what is missing. Installs only as root; anyone else gets one
# line and those tests skip (they fail instead when CI is set).
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -e /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 ] || [ -e /usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1 ] || missing="$missing faketime"
if [ -z "$missing" ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "ci/install-test-deps.sh: missing Debian packages:$missing and not root: their tests will skip (apt-get install$missing)" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ci/install-test-deps.sh: no apt-get here: install$missing yourself; their tests will skip" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # one word per package
apt-get install -y -qq --no-install-recommends $missing >/dev/null
