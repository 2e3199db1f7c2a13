#!/usr/bin/env bash
# Smoke test of the README's "run" command: starts it in the background (its own process group), waits until
# the realm answers and the development mail viewer answers, checks both give 200, then stops the whole process
# group and checks that nothing is left listening. Bounded: 6 minutes in all. Exit status 0 only on success.
#
# Usage, from anywhere: bash scripts/smoke-run.sh
# Environment: SMOKE_TIMEOUT (seconds, default 360), SMOKE_LOG (log file, default a temporary file).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_COMMAND=(mvn -B package -DskipTests -Prun)
REALM_URL="http://localhost:8080/realms/mes-demarches/.well-known/openid-configuration"
VIEWER_URL="http://localhost:8025/"
VIEWER_API_URL="http://localhost:8025/api/messages"
PORTS=(8080 3025 8025)
TIMEOUT="${SMOKE_TIMEOUT:-360}"
LOG="${SMOKE_LOG:-$(mktemp -t ceres-smoke-run.XXXXXX.log)}"

say() { printf '[smoke-run] %s\n' "$*"; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_status() { curl -s -o /dev/null -w '%{http_code}' --connect-timeout 2 --max-time 10 "$1" || true; }

PGID=""
group_alive() { [ -n "$PGID" ] && kill -0 -- "-$PGID" 2>/dev/null; }

stop_group() {
    group_alive || return 0
    say "stopping the run command (process group $PGID)"
    kill -TERM -- "-$PGID" 2>/dev/null || true
    local waited=0
    while group_alive && [ "$waited" -lt 60 ]; do sleep 1; waited=$((waited + 1)); done
    if group_alive; then
        say "FAILED: still running 60 s after SIGTERM; killing it"
        kill -KILL -- "-$PGID" 2>/dev/null || true
        sleep 2
        return 1
    fi
    say "stopped in ${waited} s"
}

fail() {
    say "FAILED: $*"
    if [ -s "$LOG" ]; then
        say "last lines of $LOG:"
        tail -n 80 "$LOG" | sed 's/^/    /'
    fi
    stop_group || true
    exit 1
}

trap 'stop_group || true' EXIT
trap 'fail "interrupted"' INT TERM

command -v curl >/dev/null || { say "FAILED: curl is needed"; exit 1; }
command -v setsid >/dev/null || { say "FAILED: setsid (util-linux) is needed"; exit 1; }

for port in "${PORTS[@]}"; do
    if port_busy "$port"; then
        say "FAILED: port $port is already in use: stop what runs there first"
        exit 1
    fi
done

say "starting: ${RUN_COMMAND[*]} (in $ROOT, log: $LOG)"
cd "$ROOT"
setsid "${RUN_COMMAND[@]}" >"$LOG" 2>&1 </dev/null &
PGID=$!
sleep 1
if [ "$(ps -o pgid= -p "$PGID" 2>/dev/null | tr -d ' ')" != "$PGID" ] && kill -0 "$PGID" 2>/dev/null; then
    fail "the run command is not the leader of its own process group"
fi

start=$SECONDS
ready=""
while [ $((SECONDS - start)) -lt "$TIMEOUT" ]; do
    if ! group_alive; then
        fail "the run command stopped before being ready"
    fi
    if grep -q "environnement de développement prêt" "$LOG" 2>/dev/null; then
        ready=yes
        break
    fi
    sleep 2
done
[ -n "$ready" ] || fail "not ready after ${TIMEOUT} s"
say "ready after $((SECONDS - start)) s"

realm_status=$(http_status "$REALM_URL")
viewer_status=$(http_status "$VIEWER_URL")
api_status=$(http_status "$VIEWER_API_URL")
say "realm discovery: $realm_status, mail viewer: $viewer_status, mail API: $api_status"
[ "$realm_status" = 200 ] || fail "$REALM_URL answered $realm_status"
[ "$viewer_status" = 200 ] || fail "$VIEWER_URL answered $viewer_status"
[ "$api_status" = 200 ] || fail "$VIEWER_API_URL answered $api_status"

stop_group || fail "the run command did not stop on SIGTERM"
PGID=""
for port in "${PORTS[@]}"; do
    if port_busy "$port"; then
        fail "port $port is still in use after the stop: something was left behind"
    fi
done
grep -q "Tout est arrêté" "$LOG" || fail "the launcher did not report its clean stop"
say "OK"
