#!/bin/sh
# Registers the connector on the Connect worker of docker-compose.yml, then waits for it to run.
#
# PUT /connectors/<name>/config creates the connector or replaces its configuration, so running
# this again (docker compose up register-connector) applies an edited configuration file.
# Every attempt that fails prints the HTTP status and the worker's answer; after the last one
# the script exits non-zero. POSIX sh and curl only: it runs in curlimages/curl (busybox).
#
# Environment (defaults for docker-compose.yml):
#   CONNECT_URL        the worker's REST API (http://connect:8083)
#   CONNECTOR_NAME     the connector's name (trtc-call-records)
#   CONNECTOR_CONFIG   the JSON object of its configuration (/connector-config/trtc-docker-compose.json)
#   ATTEMPTS           attempts to register, and checks of the status afterwards (30)
#   RETRY_DELAY        seconds between two of them (5)

set -u

connect_url=${CONNECT_URL:-http://connect:8083}
name=${CONNECTOR_NAME:-trtc-call-records}
config=${CONNECTOR_CONFIG:-/connector-config/trtc-docker-compose.json}
attempts=${ATTEMPTS:-30}
delay=${RETRY_DELAY:-5}

log() {
    echo "register-connector: $*"
}

if [ ! -r "$config" ]; then
    log "cannot read the configuration $config" >&2
    exit 1
fi

answer=$(mktemp)
trap 'rm -f "$answer"' EXIT

# Prints the worker's answer kept in $answer, or says there was none.
show_answer() {
    if [ -s "$answer" ]; then
        cat "$answer"
        echo
    else
        echo "(empty answer)"
    fi
}

# Sends one request; sets $status to the HTTP status, 000 when no answer came (curl says why on stderr).
request() {
    status=$(curl -sS -o "$answer" -w '%{http_code}' --max-time 120 "$@") || true
    [ -n "$status" ] || status=000
}

attempt=1
while :; do
    request -X PUT -H 'Content-Type: application/json' --data-binary "@$config" \
        "$connect_url/connectors/$name/config"
    case "$status" in
        200) log "$name updated (HTTP 200)"; break ;;
        201) log "$name created (HTTP 201)"; break ;;
        000) log "attempt $attempt/$attempts: no answer from $connect_url" >&2 ;;
        *) log "attempt $attempt/$attempts: HTTP $status from PUT $connect_url/connectors/$name/config:" >&2
           show_answer >&2 ;;
    esac
    if [ "$attempt" -ge "$attempts" ]; then
        log "giving up: $name is not registered after $attempts attempts" >&2
        exit 1
    fi
    attempt=$((attempt + 1))
    sleep "$delay"
done

# Registered is not running: a task that fails at start (a wrong key, an unreachable endpoint)
# shows only in the status. Wait for the connector and at least one task to be RUNNING.
check=1
while :; do
    request "$connect_url/connectors/$name/status"
    if [ "$status" = 200 ]; then
        states=$(grep -o '"state":"[A-Z_]*"' "$answer" | cut -d '"' -f 4)
        if echo "$states" | grep -q FAILED; then
            log "$name or one of its tasks FAILED:" >&2
            show_answer >&2
            exit 1
        fi
        count=$(echo "$states" | grep -c .)
        not_running=$(echo "$states" | grep -v -c '^RUNNING$')
        if [ "$count" -ge 2 ] && [ "$not_running" -eq 0 ]; then
            log "$name and its $((count - 1)) task(s) are RUNNING"
            exit 0
        fi
    fi
    if [ "$check" -ge "$attempts" ]; then
        log "giving up: $name is not RUNNING after $attempts checks; last status (HTTP $status):" >&2
        show_answer >&2
        exit 1
    fi
    check=$((check + 1))
    sleep "$delay"
done
