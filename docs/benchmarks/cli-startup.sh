#!/usr/bin/env bash
# Start-up of the hivemind CLI: wall time (median of hyperfine runs) and peak RSS of `hivemind --help` and
# `hivemind list-clients` (a database of 5 clients), as shipped (JVM profile, class-data archives) and without the
# start-up work (plain `java -cp 'lib/*'`), plus a Java "hello world" for the JVM's own share. Writes the numbers to
# OUT and prints them.
#
#   docs/benchmarks/cli-startup.sh [DIST] [OUT]
#     DIST  the assembled distribution (default dist/target/hivemind; build it: mvn -DskipTests package -pl dist -am)
#     OUT   the results file (default docs/benchmarks/cli-startup.txt)
# Needs hyperfine (Debian: apt-get install hyperfine) for the times; without it, a loop of 20 runs timed with date.
# The machine's load is recorded with the numbers: on a shared machine, run it when it is quiet.
set -euo pipefail

root=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
dist=$(cd -P -- "${1:-$root/dist/target/hivemind}" && pwd -P)
out=${2:-$root/docs/benchmarks/cli-startup.txt}
runs=20
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

median_ms() {
    local command=$1
    if command -v hyperfine > /dev/null; then
        hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/h.json" "$command" > /dev/null 2>&1
        python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' \
            "$work/h.json"
    else
        local times=()
        for ((i = 0; i < runs; i++)); do
            local start=$(date +%s%N)
            $command > /dev/null 2>&1
            times+=($((($(date +%s%N) - start) / 1000000)))
        done
        printf '%s\n' "${times[@]}" | sort -n | sed -n "$((runs / 2 + 1))p"
    fi
}

peak_rss_mb() {
    local command=$1 values=()
    for i in 1 2 3 4 5; do
        values+=($(/usr/bin/time -f %M $command 2>&1 > /dev/null | tail -1))
    done
    printf '%s\n' "${values[@]}" | sort -n | sed -n 3p | awk '{printf "%.0f", $1 / 1024}'
}

{
    echo "# hivemind CLI start-up, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "# $(java -version 2>&1 | sed -n 2p); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# $(command -v hyperfine > /dev/null && hyperfine --version || echo "date loop"), $runs runs each"
    printf '%-32s %10s %14s\n' "command" "median ms" "peak RSS MB"
    for case in "${cases[@]}"; do
        name=${case%%|*}
        command=${case#*|}
        printf '%-32s %10s %14s\n' "$name" "$(median_ms "$command")" "$(peak_rss_mb "$command")"
    done
} | tee "$out"
