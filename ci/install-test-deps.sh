#!/bin/sh
# What `make test` needs beyond the venv:
#   - Debian's chromium, for the test that opens the monthly report in a real headless
#     browser (tests/commands/test_report_browser.py);
#   - the real local Mastodon-API and Bluesky servers of the platform tests
#     (ci/install-test-servers.sh).
# Idempotent: does nothing when everything is in place. Installs only as root; anyone
# else gets one line and those tests skip (they fail instead when CI is set).
set -eu
install_chromium() {
    if [ -x /usr/bin/chromium ]; then
        return 0
    fi
    if [ "$(id -u)" != 0 ]; then
        echo "ci/install-test-deps.sh: /usr/bin/chromium missing and not root: the browser test will skip (apt-get install chromium)" >&2
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "ci/install-test-deps.sh: no apt-get here: install chromium yourself; the browser test will skip" >&2
        return 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium >/dev/null
}
install_chromium
sh "$(dirname "$0")/install-test-servers.sh"
