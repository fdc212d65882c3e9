#!/usr/bin/env bash
# demo-starts.sh: does the demo start every time? Starts it N times in a row from a fresh clone
# and counts the clean starts.
#
# It clones the repository (`git clone`, so it tests the COMMITTED HEAD: uncommitted changes in
# the working tree are not tested; use --no-clone for those), builds it once
# (`mvn -q -ntp package -DskipTests`), then N times runs the README's command, offline:
#
#   mvn -o -q package -DskipTests exec:java@demo -Ddemo.args="--exit-after-records R --plain"
#
# with stdin from /dev/null and a time limit. With --exit-after-records the demo stops everything
# and exits by itself once the connector and all its tasks are RUNNING and R records have arrived
# in the topic. A start is clean when
#   - the command exits with 0 within the time limit,
#   - the demo printed "clean start: connector ... RUNNING" and "... no child process left",
#   - and no process it started (the Maven JVM's descendants, the pids in target/demo/pids) is
#     still alive afterwards.
# It prints one line per start, then `clean starts: K/N`, and exits 1 when K < N. Every process it
# starts is stopped again, on Ctrl-C too. Not part of `mvn verify`: it takes about half a minute
# per start.
#
# Usage: demo/scripts/demo-starts.sh [-n N] [-t SECONDS] [--records R] [--repo PATH] [--no-clone]
#                                    [--offline] [--keep] [--mvn-arg ARG]...
#   -n N            starts (default 10)
#   -t SECONDS      time limit of one start, build excluded (default 300)
#   --records R     records that must arrive for a clean start (default 1000)
#   --repo PATH     the repository to clone (default: the one this script is in)
#   --no-clone      use the working tree of --repo as it is instead of a clone (and build it there)
#   --offline       build offline too (mvn -o), for a machine without network
#   --keep          keep the clone afterwards
#   --mvn-arg ARG   one more argument for every mvn command (repeatable)
#
# Logs: one directory per run under ${TMPDIR:-/tmp} (printed at the start): the build's output,
# each start's output, and for a start that was not clean a copy of its target/demo/*.log.

set -uo pipefail

starts=10
limit=300
records=1000
repo=""
clone=1
offline=()
keep=0
mvn_args=()

usage() {
    sed -n '2,/^$/{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

while [ $# -gt 0 ]; do
    case "$1" in
        -n) starts="${2:?-n needs a number}"; shift 2 ;;
        -t) limit="${2:?-t needs seconds}"; shift 2 ;;
        --records) records="${2:?--records needs a number}"; shift 2 ;;
        --repo) repo="${2:?--repo needs a path}"; shift 2 ;;
        --no-clone) clone=0; shift ;;
        --offline) offline=(-o); shift ;;
        --keep) keep=1; shift ;;
        --mvn-arg) mvn_args+=("${2?--mvn-arg needs an argument}"); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "demo-starts: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
for number in "$starts" "$limit" "$records"; do
    if ! [[ "$number" =~ ^[1-9][0-9]*$ ]]; then
        echo "demo-starts: $number is not a positive whole number" >&2
        exit 2
    fi
done
for tool in git mvn pgrep; do
    command -v "$tool" > /dev/null || { echo "demo-starts: $tool is not installed" >&2; exit 2; }
done

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${repo:-$script_dir/../..}" && pwd)" || exit 2
logs="$(mktemp -d "${TMPDIR:-/tmp}/demo-starts-logs.XXXXXX")"
clone_dir=""
mvn_pid=""
seen_pids=""     # every descendant of the demo's Maven JVM seen while it ran, one per line

# --- stopping what this script started

alive() {
    kill -0 "$1" 2> /dev/null
}

now_ms() {
    echo $(($(date +%s%N) / 1000000))
}

# Milliseconds as seconds with one decimal.
seconds() {
    printf '%d.%d' $(($1 / 1000)) $((($1 % 1000) / 100))
}

# The descendants of pid $1, children first.
descendants() {
    local child
    for child in $(pgrep -P "$1" 2> /dev/null); do
        echo "$child"
        descendants "$child"
    done
}

remember_descendants() {
    local pid
    for pid in $(descendants "$1"); do
        case $'\n'"$seen_pids"$'\n' in
            *$'\n'"$pid"$'\n'*) ;;
            *) seen_pids+="$pid"$'\n' ;;
        esac
    done
}

# Whether pid $1 is (still) one of the demo's servers, not a process that reuses the pid: the
# launcher marks their command lines with -Dtrtc.demo.run=<run directory>.
is_demo_child() {
    tr '\0' ' ' < "/proc/$1/cmdline" 2> /dev/null | grep -q -- "-Dtrtc.demo.run="
}

# The demo's servers still alive: the descendants of its Maven JVM seen while it ran and, in a
# clone of our own, the pid files the launcher keeps (not in a shared working tree, where they
# may be another demo's).
leftovers() {
    local pid file
    {
        printf '%s' "$seen_pids"
        if [ "$clone" -eq 1 ]; then
            for file in "$work"/target/demo/pids/*.pid; do
                [ -f "$file" ] && cat "$file" && echo
            done
        fi
    } | sort -u | while read -r pid; do
        [ -n "$pid" ] && alive "$pid" && is_demo_child "$pid" && echo "$pid"
    done
}

# Stops the running demo as Ctrl-C would (SIGTERM: its shutdown hook stops the servers), then
# SIGKILL after a minute; then kills any server of it still alive.
stop_demo() {
    if [ -n "$mvn_pid" ] && alive "$mvn_pid"; then
        remember_descendants "$mvn_pid"
        kill -TERM "$mvn_pid" 2> /dev/null
        local waited=0
        while alive "$mvn_pid" && [ "$waited" -lt 60 ]; do
            sleep 1
            waited=$((waited + 1))
        done
        if alive "$mvn_pid"; then
            kill -KILL "$mvn_pid" 2> /dev/null
        fi
        wait "$mvn_pid" 2> /dev/null
    fi
    mvn_pid=""
    local pid
    for pid in $(leftovers); do
        kill -KILL "$pid" 2> /dev/null
    done
}

cleanup() {
    stop_demo
    if [ -n "$clone_dir" ] && [ "$keep" -eq 0 ]; then
        rm -rf "$clone_dir"
    fi
}

interrupted() {
    trap - INT TERM
    echo
    echo "demo-starts: interrupted; stopping the demo ..."
    cleanup
    clone_dir=""
    echo "demo-starts: stopped; logs in $logs"
    exit 130
}

trap interrupted INT TERM
trap cleanup EXIT

# --- the working tree

if [ "$clone" -eq 1 ]; then
    clone_dir="$(mktemp -d "${TMPDIR:-/tmp}/demo-starts.XXXXXX")"
    work="$clone_dir/repo"
    echo "demo-starts: cloning $repo (its committed HEAD $(git -C "$repo" rev-parse --short HEAD); uncommitted changes are not tested)"
    if ! git clone -q "$repo" "$work"; then
        echo "demo-starts: git clone failed" >&2
        exit 2
    fi
else
    work="$repo"
    echo "demo-starts: using the working tree of $work as it is (--no-clone)"
fi
echo "demo-starts: logs in $logs"

echo "demo-starts: building once: mvn -q -ntp ${offline[*]} package -DskipTests ${mvn_args[*]}"
build_start=$SECONDS
if ! (cd "$work" && mvn -q -ntp "${offline[@]}" package -DskipTests "${mvn_args[@]}") < /dev/null \
        > "$logs/build.log" 2>&1; then
    echo "demo-starts: the build failed; the end of $logs/build.log:" >&2
    sed 's/\x1b\[[0-9;]*m//g' "$logs/build.log" | tail -n 30 >&2
    exit 2
fi
echo "demo-starts: built in $((SECONDS - build_start)) s"

# --- the starts

demo_args="--exit-after-records $records --plain"
echo "demo-starts: $starts starts of: mvn -o -q package -DskipTests exec:java@demo -Ddemo.args=\"$demo_args\" ${mvn_args[*]}"
clean=0
for ((i = 1; i <= starts; i++)); do
    log="$logs/start-$i.log"
    seen_pids=""
    started=$(now_ms)
    (cd "$work" && exec mvn -o -q package -DskipTests exec:java@demo -Ddemo.args="$demo_args" "${mvn_args[@]}") \
        < /dev/null > "$log" 2>&1 &
    mvn_pid=$!
    timed_out=0
    while alive "$mvn_pid"; do
        remember_descendants "$mvn_pid"
        if [ $(($(now_ms) - started)) -gt $((limit * 1000)) ]; then
            timed_out=1
            stop_demo
            break
        fi
        sleep 1
    done
    rc=0
    if [ -n "$mvn_pid" ]; then
        wait "$mvn_pid"
        rc=$?
        mvn_pid=""
    fi
    took=$(seconds $(($(now_ms) - started)))

    problems=()
    [ "$timed_out" -eq 1 ] && problems+=("no clean start within $limit s")
    [ "$timed_out" -eq 0 ] && [ "$rc" -ne 0 ] && problems+=("exit status $rc")
    grep -q '^clean start: connector .* RUNNING' "$log" || problems+=("no 'clean start' line")
    grep -q 'no child process left' "$log" || problems+=("no 'no child process left' line")
    left=$(leftovers | tr '\n' ' ')
    if [ -n "$left" ]; then
        problems+=("processes left: $left(killed)")
        for pid in $left; do
            kill -KILL "$pid" 2> /dev/null
        done
    fi

    if [ "${#problems[@]}" -eq 0 ]; then
        clean=$((clean + 1))
        detail=$(sed -n 's/^clean start: .* records in .* after \([0-9.]*\) s$/connector RUNNING and records in after \1 s/p' "$log" | head -n 1)
        first=$(sed -n 's/^first events after \([0-9.]*\) s.*/first events after \1 s/p' "$log" | head -n 1)
        echo "start $i/$starts: clean, ${took} s in all ($first; $detail)"
    else
        mkdir -p "$logs/start-$i"
        cp "$work"/target/demo/*.log "$logs/start-$i/" 2> /dev/null
        echo "start $i/$starts: NOT clean after ${took} s: $(IFS=';'; echo "${problems[*]}" | sed 's/;/; /g')"
        echo "  the end of $log:"
        grep -v '^\(---\|connector \|topic \|TRTC API\|slices \|newest \|  \+history\|  \+tail\|           \)' "$log" \
            | sed 's/\x1b\[[0-9;]*m//g' | tail -n 15 | sed 's/^/    /'
        echo "  the servers' logs: $logs/start-$i/"
    fi
done

echo "clean starts: $clean/$starts"
if [ "$clean" -lt "$starts" ]; then
    exit 1
fi
exit 0
