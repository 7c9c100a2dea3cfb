#!/bin/sh
# What `make test` needs beyond the venv:
#   - Debian's chromium, for the test that opens the monthly report in a real headless
#     browser (tests/commands/test_report_browser.py);
#   - Debian's faketime, for the tests that step the daemon's wall clock
#     (tests/runtime/test_daemon_clock.py);
#   - the real local Mastodon-API and Bluesky servers of the platform tests
#     (ci/install-test-servers.sh).
# Idempotent: installs only what is missing. Installs only as root; anyone else gets one
# line and those tests skip (they fail instead when CI is set).
set -eu
install_debian_packages() {
    missing=""
    [ -x /usr/bin/chromium ] || missing="$missing chromium"
    ls /usr/lib/*-linux-gnu/faketime/libfaketime.so.1 >/dev/null 2>&1 || missing="$missing faketime"
    if [ -z "$missing" ]; then
        return 0
    fi
    if [ "$(id -u)" != 0 ]; then
        echo "ci/install-test-deps.sh: missing Debian packages:$missing and not root: their tests will skip (apt-get install$missing)" >&2
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "ci/install-test-deps.sh: no apt-get here: install$missing yourself; their tests will skip" >&2
        return 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    # shellcheck disable=SC2086 # one word per package
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
}
install_debian_packages
sh "$(dirname "$0")/install-test-servers.sh"
