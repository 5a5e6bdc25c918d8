#!/usr/bin/env bash
# Start-up of the hivemind CLI: wall time, CPU time (user + system) and peak RSS of `hivemind --help` and
# `hivemind list-clients` (a database of 5 clients), as shipped (JVM profile, class-data archives) and without the
# start-up work (plain `java -cp 'lib/*'`), plus a Java "hello world" for the JVM's own share. Writes the numbers to
# OUT and prints them.
#
#   docs/benchmarks/cli-startup.sh [DIST] [OUT]
#     DIST  the assembled distribution (default dist/target/hivemind; build it: mvn -DskipTests package -pl dist -am)
#     OUT   the results file (default docs/benchmarks/cli-startup.txt)
#   BASELINE=FOLDER  also time another assembled distribution (e.g. one built from an older commit) in the same rounds
#   RUNS=N           rounds (default 25)
# Wall times are taken with date +%s%N in interleaved rounds (see timed_rounds), CPU times and peak RSS with
# /usr/bin/time. The machine's load is recorded with the numbers: on a shared machine, run it when it is quiet; the CPU
# time is what load changes least.
set -euo pipefail

root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
dist=$(cd -P -- "${1:-$root/dist/target/hivemind}" && pwd -P)
out=${2:-$root/docs/benchmarks/cli-startup.txt}
runs=${RUNS:-25}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

home=$work/home
for i in 1 2 3 4 5; do
    "$dist/bin/hivemind" --home "$home" add-client --name "satellite-$i" > /dev/null
done
classpath=$(LC_ALL=C; printf '%s:' "$dist"/lib/*.jar)
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
javac -d "$work" "$work/Hello.java"

# name|command
cases=(
    "hivemind --help|$dist/bin/hivemind --help"
    "hivemind list-clients|$dist/bin/hivemind --home $home list-clients"
    "plain java: --help|java -cp ${classpath%:} dev.hivemind.dist.Main --help"
    "plain java: list-clients|java -cp ${classpath%:} dev.hivemind.dist.Main --home $home list-clients"
    "java Hello (the JVM alone)|java -cp $work Hello"
)
if [ -n "${BASELINE:-}" ]; then
    baseline=$(cd -P -- "$BASELINE" && pwd -P)
    cases+=("baseline: hivemind --help|$baseline/bin/hivemind --help"
        "baseline: hivemind list-clients|$baseline/bin/hivemind --home $home list-clients")
fi

# Wall times in milliseconds, taken in rounds: every case once per round, so that a burst of load on a shared
# machine hits all of them alike instead of one case's consecutive runs (what a tool that runs one case at a time
# would do). Prints "case-index wall-milliseconds cpu-milliseconds" lines.
timed_rounds() {
    local round i start
    for ((i = 0; i < ${#cases[@]}; i++)); do # warm-up: page cache, JIT-less first runs
        ${cases[i]#*|} > /dev/null 2>&1
    done
    for ((round = 0; round < runs; round++)); do
        for ((i = 0; i < ${#cases[@]}; i++)); do
            start=$(date +%s%N)
            /usr/bin/time -f '%U %S' -o "$work/cpu" ${cases[i]#*|} > /dev/null 2>&1
            echo "$i $((($(date +%s%N) - start) / 1000000)) $(awk '{printf "%d", ($1 + $2) * 1000}' "$work/cpu")"
        done
    done
}

median_of() { # CASE-INDEX COLUMN
    awk -v c="$1" -v f="$2" '$1 == c {print $f}' "$work/times" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

peak_rss_mb() {
    local command=$1 values=()
    for i in 1 2 3 4 5; do
        values+=($(/usr/bin/time -f %M $command 2>&1 > /dev/null | tail -1))
    done
    printf '%s\n' "${values[@]}" | sort -n | sed -n 3p | awk '{printf "%.0f", $1 / 1024}'
}

timed_rounds > "$work/times"
{
    echo "# hivemind CLI start-up, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "# $(java -version 2>&1 | sed -n 2p); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# medians of $runs rounds (each case once per round, after one warm-up run each); CPU = user + system"
    printf '%-32s %10s %10s %14s\n' "command" "wall ms" "CPU ms" "peak RSS MB"
    for ((i = 0; i < ${#cases[@]}; i++)); do
        printf '%-32s %10s %10s %14s\n' "${cases[i]%%|*}" "$(median_of "$i" 2)" "$(median_of "$i" 3)" \
            "$(peak_rss_mb "${cases[i]#*|}")"
    done
} | tee "$out"
