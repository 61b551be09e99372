#!/usr/bin/env bash
# A real Tiny Tiny RSS (Debian 12's tt-rss, JSON API level 15) on loopback for the sync tests,
# following ../shared/SYNC-TTRSS.md: PostgreSQL 15, tt-rss under PHP's built-in server on
# 127.0.0.1:$TTRSS_PORT, two users (one with the API on, one with it off) and nginx on
# [::1]:80 serving fixture feeds for tt-rss to fetch (it refuses 127.x and ports other than 80/443).
#
#   ttrss-server.sh start   install what is missing (root), start everything, write $STATE/env
#   ttrss-server.sh stop    stop only what `start` started
#
# Idempotent: a second start with everything running changes nothing. Talks only to loopback.
set -euo pipefail

PORT="${TTRSS_PORT:-8281}"
STATE="${TTRSS_STATE:-/tmp/tidings-ttrss}"
FEEDS="$STATE/feeds"
DB_PASSWORD="tidings-db"
API_USER="tidings"; API_PASSWORD="tidings-sync-test"
NOAPI_USER="tidings-noapi"; NOAPI_PASSWORD="tidings-noapi-test"
# tidings-bench --sync loads its 20,000 articles here, apart from the tests' account.
BENCH_USER="tidings-bench"; BENCH_PASSWORD="tidings-bench-sync"
PACKAGES="postgresql dbconfig-pgsql tt-rss php-cgi php-pgsql php-curl nginx-light"

log() { echo "ttrss-server: $*" >&2; }
die() { log "$*"; exit 1; }

api() { # api JSON → answer (or nothing)
    curl -s -m 5 -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$PORT/api/" 2>/dev/null || true
}

psql_ttrss() { runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d ttrss -At "$@"; }

install_missing() {
    local missing=""
    for p in $PACKAGES curl; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    [ "$(id -u)" = 0 ] || die "needs root to install:$missing (sudo apt-get install -y$missing)"
    log "installing:$missing"
    # PostgreSQL must run while dbconfig creates the database.
    if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "ok installed"; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql curl >/dev/null
    fi
    start_postgres
    debconf-set-selections <<SEL
tt-rss tt-rss/dbconfig-install boolean true
tt-rss tt-rss/database-type select pgsql
tt-rss tt-rss/pgsql/method select TCP/IP
tt-rss tt-rss/remote/host select localhost
tt-rss tt-rss/remote/newhost string localhost
tt-rss tt-rss/remote/port string 5432
tt-rss tt-rss/pgsql/authmethod-admin select ident
tt-rss tt-rss/pgsql/authmethod-user select password
tt-rss tt-rss/pgsql/app-pass password $DB_PASSWORD
tt-rss tt-rss/app-password-confirm password $DB_PASSWORD
tt-rss tt-rss/db/app-user string tt-rss
tt-rss tt-rss/db/dbname string ttrss
tt-rss tt-rss/reconfigure-webserver multiselect
tt-rss tt-rss/self_url_path string http://127.0.0.1:$PORT/
SEL
    [ -n "$(apt-cache policy tt-rss 2>/dev/null | grep Candidate)" ] || apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES curl >/dev/null
}

start_postgres() {
    if ! pg_lsclusters -h 2>/dev/null | awk '$1=="15" && $2=="main" {print $4}' | grep -q online; then
        pg_ctlcluster 15 main start
        touch "$STATE/started-postgres"
    fi
}

configure() {
    sed -i "s|define('SELF_URL_PATH', *'[^']*');|define('SELF_URL_PATH', 'http://127.0.0.1:$PORT/');|" /etc/tt-rss/config.php
    local user password api
    for spec in "$API_USER:$API_PASSWORD:true" "$NOAPI_USER:$NOAPI_PASSWORD:false" "$BENCH_USER:$BENCH_PASSWORD:true"; do
        IFS=: read -r user password api <<<"$spec"
        psql_ttrss <<SQL
INSERT INTO ttrss_users (login, pwd_hash, salt, access_level, created)
SELECT '$user', 'MODE2:' || encode(sha256(convert_to('tidingssalt' || '$password', 'UTF8')), 'hex'), 'tidingssalt', 0, NOW()
 WHERE NOT EXISTS (SELECT 1 FROM ttrss_users WHERE login = '$user');
INSERT INTO ttrss_user_prefs (owner_uid, pref_name, profile, value)
SELECT id, 'ENABLE_API_ACCESS', NULL, '$api' FROM ttrss_users u WHERE login = '$user'
   AND NOT EXISTS (SELECT 1 FROM ttrss_user_prefs p WHERE p.owner_uid = u.id AND p.pref_name = 'ENABLE_API_ACCESS' AND p.profile IS NULL);
SQL
    done
    # A folder for the API user (API level 15 cannot create one).
    psql_ttrss <<SQL
INSERT INTO ttrss_feed_categories (owner_uid, title)
SELECT id, 'News' FROM ttrss_users u WHERE login = '$API_USER'
   AND NOT EXISTS (SELECT 1 FROM ttrss_feed_categories c WHERE c.owner_uid = u.id AND c.title = 'News');
SQL
}

start_feeds() {
    mkdir -p "$FEEDS" "$STATE/nginx"
    if [ -f "$STATE/nginx/nginx.pid" ] && kill -0 "$(cat "$STATE/nginx/nginx.pid")" 2>/dev/null; then return 0; fi
    cat >"$STATE/nginx/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $STATE/nginx/nginx.pid;
error_log $STATE/nginx/error.log;
events { worker_connections 64; }
http {
    types { application/rss+xml rss; application/atom+xml atom; }
    access_log off;
    client_body_temp_path $STATE/nginx/body;
    proxy_temp_path $STATE/nginx/proxy;
    fastcgi_temp_path $STATE/nginx/fastcgi;
    uwsgi_temp_path $STATE/nginx/uwsgi;
    scgi_temp_path $STATE/nginx/scgi;
    server { listen [::1]:80; root $FEEDS; }
}
CONF
    nginx -p "$STATE/nginx" -e "$STATE/nginx/error.log" -c "$STATE/nginx/nginx.conf" \
        || die "nginx could not listen on [::1]:80 (is another fixture server there?)"
    echo ok >"$FEEDS/.alive"
    for _ in $(seq 50); do
        [ "$(curl -s -m 2 -g 'http://[::1]/.alive' 2>/dev/null)" = ok ] && return 0
        sleep 0.1
    done
    die "the fixture server on [::1]:80 does not answer (see $STATE/nginx/error.log)"
}

start_php() {
    if [ -f "$STATE/php.pgid" ] && kill -0 -- "-$(cat "$STATE/php.pgid")" 2>/dev/null; then return 0; fi
    setsid runuser -u www-data -- env PHP_CLI_SERVER_WORKERS=4 \
        php -d log_errors=0 -S "127.0.0.1:$PORT" -t /usr/share/tt-rss/www >"$STATE/php.log" 2>&1 </dev/null &
    echo $! >"$STATE/php.pgid"   # setsid makes the child a process-group leader
    for _ in $(seq 100); do
        api '{"op":"isLoggedIn"}' | grep -q '"status"' && return 0
        sleep 0.1
    done
    die "tt-rss did not answer on 127.0.0.1:$PORT (see $STATE/php.log)"
}

start() {
    mkdir -p "$STATE"
    install_missing
    start_postgres
    configure
    start_feeds
    start_php
    cat >"$STATE/env" <<ENV
export TIDINGS_TTRSS_URL=http://127.0.0.1:$PORT/
export TIDINGS_TTRSS_USER=$API_USER
export TIDINGS_TTRSS_PASSWORD=$API_PASSWORD
export TIDINGS_TTRSS_NOAPI_USER=$NOAPI_USER
export TIDINGS_TTRSS_NOAPI_PASSWORD=$NOAPI_PASSWORD
export TIDINGS_TTRSS_BENCH_USER=$BENCH_USER
export TIDINGS_TTRSS_BENCH_PASSWORD=$BENCH_PASSWORD
export TIDINGS_TTRSS_FEEDS_DIR=$FEEDS
export TIDINGS_TTRSS_FEEDS_URL=http://[::1]/
export TIDINGS_TTRSS_SCRIPT=$(cd "$(dirname "$0")" && pwd)/ttrss-server.sh
# The tests' stop-php/start-php must act on this server, not on the default state folder's.
export TTRSS_STATE=$STATE
ENV
    log "tt-rss on http://127.0.0.1:$PORT/, fixture feeds from $FEEDS on http://[::1]/ (env: $STATE/env)"
}

stop() {
    if [ -f "$STATE/php.pgid" ]; then
        local pgid; pgid="$(cat "$STATE/php.pgid")"
        kill -TERM -- "-$pgid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL -- "-$pgid" 2>/dev/null || true
        rm -f "$STATE/php.pgid"
    fi
    if [ -f "$STATE/nginx/nginx.pid" ]; then
        local pid; pid="$(cat "$STATE/nginx/nginx.pid")"
        kill -TERM "$pid" 2>/dev/null || true
        # Wait until it is gone: on its way out it unlinks the pid file, which must not be a new one's.
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        rm -f "$STATE/nginx/nginx.pid"
    fi
    if [ -f "$STATE/started-postgres" ]; then
        pg_ctlcluster 15 main stop || true
        rm -f "$STATE/started-postgres"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    # Only the PHP server: lets a test take the server away and bring it back.
    stop-php) [ -f "$STATE/php.pgid" ] && { kill -TERM -- "-$(cat "$STATE/php.pgid")" 2>/dev/null || true; sleep 0.3; kill -KILL -- "-$(cat "$STATE/php.pgid")" 2>/dev/null || true; rm -f "$STATE/php.pgid"; } ; true ;;
    start-php) start_php ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
