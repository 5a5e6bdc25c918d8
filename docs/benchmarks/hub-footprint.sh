#!/usr/bin/env bash
# Memory of an idle hub with established satellites, and what the hub's JVM profile costs in speed.
#
#   docs/benchmarks/hub-footprint.sh [DIST] [OUT]
#     DIST  the assembled distribution (default dist/target/hivemind; build it: mvn -DskipTests package -pl dist -am)
#     OUT   the results file (default docs/benchmarks/hub-footprint.txt)
#
# For each hub set-up (bin/hivemind's default profile; the same without the class-data archive; none: the JVM's own
# defaults and no archive), it starts `hivemind listen` on
# loopback, connects SATELLITES satellites one after the other (`hivemind connect --interactive`, password
# handshake, each its own process) and keeps them connected; once all are established and the hub has been idle for SETTLE seconds it reads
# the hub's VmRSS, VmHWM and thread count from /proc. Then, for speed, one satellite sends MESSAGES utterances one
# after the other (each waits for the echo) and the time is taken; the handshake time is the median of what the
# satellites printed (handshake=N ms: PBKDF2 on both sides, the hub's share in its profile). Last, what the profile
# costs the hub in CPU: bin/hivemind-load runs password handshakes (1 worker, LOAD_SECONDS) and then messages (4
# sessions, echo round trips, LOAD_SECONDS) and reports the hub's CPU time per handshake and per message (/proc). The
# hub runs the distribution's configuration with the key-derivation budgets raised (limits.kdf_*), so that the
# load generator's handshakes, all from one address and one client, are not refused.
set -euo pipefail

root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
dist=$(cd -P -- "${1:-$root/dist/target/hivemind}" && pwd -P)
out=${2:-$root/docs/benchmarks/hub-footprint.txt}
satellites=${SATELLITES:-10}
settle=${SETTLE:-10}
messages=${MESSAGES:-300}
load_seconds=${LOAD_SECONDS:-15}
work=$(mktemp -d)
pids=()
# the satellites' standard input: open until the end, so that they stay connected (--interactive reads to EOF)
mkfifo "$work/stdin"
exec 3<> "$work/stdin"
cleanup() {
    exec 3>&-
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

wait_for() { # FILE TEXT SECONDS
    for ((i = 0; i < $3 * 10; i++)); do
        grep -q -- "$2" "$1" 2> /dev/null && return 0
        sleep 0.1
    done
    echo "timed out waiting for '$2' in $1:" >&2
    cat "$1" >&2
    return 1
}

status_field() { # PID FIELD
    awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/status"
}

hub_cpu() { # REPORT: the hub's CPU milliseconds per operation in a hivemind-load report
    tr -d '\n' < "$1" | grep -o '"hub" *: *{[^}]*}' | sed -n 's/.*"cpu_ms_per_op" *: *\([0-9.]*\).*/\1/p'
}

measure() { # NAME ENV... (the hub's environment: how its JVM is set up)
    local name=$1 home=$work/$1
    shift
    mkdir -p "$home"
    sed -e 's/^\(  kdf_per_client:\) *[0-9]*/\1 1000000/' -e 's/^\(  kdf_per_address:\) *[0-9]*/\1 1000000/' \
        "$dist/conf/hivemind.yaml" > "$home/hivemind.yaml"
    local added
    added=$("$dist/bin/hivemind" --home "$home" add-client --name footprint)
    local key password
    key=$(sed -n 's/^Access Key: //p' <<< "$added")
    password=$(sed -n 's/^Password: //p' <<< "$added")

    env "$@" "$dist/bin/hivemind" --home "$home" listen --host 127.0.0.1 --port 0 \
        > "$home/hub.out" 2> "$home/hub.err" &
    local hub=$!
    pids+=("$hub")
    wait_for "$home/hub.out" "Press Ctrl-C to stop." 60
    local url
    url=$(sed -n 's/^  listening: websocket \(ws:\/\/[^ ]*\)$/\1/p' "$home/hub.out")

    local i
    for ((i = 1; i <= satellites; i++)); do
        "$dist/bin/hivemind" --home "$home/satellite" connect "$url" --access-key "$key" \
            --password "$password" --interactive --timeout 60 < "$work/stdin" > "$home/satellite-$i.out" 2>&1 &
        pids+=($!)
        wait_for "$home/satellite-$i.out" "connected to" 90
    done
    sleep "$settle"
    local rss hwm threads
    rss=$(status_field "$hub" VmRSS)
    hwm=$(status_field "$hub" VmHWM)
    threads=$(status_field "$hub" Threads)
    local handshake
    handshake=$(sed -n 's/.* handshake=\([0-9]*\) ms$/\1/p' "$home"/satellite-*.out | sort -n \
        | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')

    local sends=()
    for ((i = 1; i <= messages; i++)); do sends+=(--send "message $i"); done
    local start end
    start=$(date +%s%N)
    "$dist/bin/hivemind" --home "$home/satellite" connect "$url" --access-key "$key" --password "$password" \
        "${sends[@]}" > "$home/messages.out"
    end=$(date +%s%N)
    local received
    received=$(grep -c '^received: ' "$home/messages.out")
    local per_second
    per_second=$(awk -v n="$received" -v ns=$((end - start)) 'BEGIN {printf "%.0f", n / (ns / 1e9)}')

    local hub_handshake
    hub_handshake=$(sed -n 's/.* handshake done .* in \([0-9]*\) ms$/\1/p' "$home/hub.err" | sort -n \
        | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')

    "$dist/bin/hivemind-load" handshakes "$url" --auth password --access-key "$key" --password "$password" -c 1 \
        --warmup 5 --duration "$load_seconds" --hub-pid "$hub" --quiet --report "$home/handshakes.json" \
        > /dev/null 2> "$home/handshakes.err"
    "$dist/bin/hivemind-load" messages "$url" --auth password --access-key "$key" --password "$password" -c 4 \
        --warmup 5 --duration "$load_seconds" --hub-pid "$hub" --quiet --report "$home/messages.json" \
        > /dev/null 2> "$home/messages.err"

    printf '%-12s %8s %8s %8s %14s %10s %16s %12s %12s\n' "$name" "$((rss / 1024))" "$((hwm / 1024))" "$threads" \
        "$handshake" "$hub_handshake" "$per_second" "$(hub_cpu "$home/handshakes.json")" \
        "$(hub_cpu "$home/messages.json")"
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
    pids=()
}

{
    echo "# idle hub with $satellites established satellites (password handshake over ws://127.0.0.1), $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "# $(java -version 2>&1 | sed -n 2p); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# RSS/HWM: the hub's VmRSS and VmHWM after $settle s idle; handshake: median of the satellites' reports;"
    echo "# hub ms: median of the hub's own handshake times (its log: from the connection to the session);"
    echo "# round trips/s: $messages utterances sent one after the other by one satellite, each answered;"
    echo "# CPU ms: the hub's CPU time per password handshake and per message (hivemind-load, $load_seconds s each)"
    printf '%-12s %8s %8s %8s %14s %10s %16s %12s %12s\n' profile "RSS MB" "HWM MB" threads "handshake ms" "hub ms" \
        "round trips/s" "CPU ms/hs" "CPU ms/msg"
    if [[ -n ${PROFILES:-} ]]; then # name=JVM options;name=...: other profiles to compare (HIVEMIND_HUB_JAVA_OPTS)
        IFS=';' read -r -a extra <<< "$PROFILES"
        for p in "${extra[@]}"; do
            measure "${p%%=*}" "HIVEMIND_HUB_JAVA_OPTS=${p#*=}"
        done
    else
        measure default -u HIVEMIND_HUB_JAVA_OPTS
        measure none HIVEMIND_HUB_JAVA_OPTS= HIVEMIND_CDS=off
    fi
} | tee "$out"
