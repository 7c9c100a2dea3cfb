#!/bin/sh
# What `make test` needs beyond the venv: Debian's chromium, for the test that opens the
# monthly report in a real headless browser (tests/commands/test_report_browser.py).
# Idempotent: does nothing when /usr/bin/chromium exists. Installs only as root; anyone
# else gets one line and the browser test skips (it fails instead when CI is set).
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "ci/install-test-deps.sh: /usr/bin/chromium missing and not root: the browser test will skip (apt-get install chromium)" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ci/install-test-deps.sh: no apt-get here: install chromium yourself; the browser test will skip" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
