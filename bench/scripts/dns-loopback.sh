#!/usr/bin/env bash
# Hand-run benchmark: the embedded DNS alone (DnsBench serving on 127.0.0.1, no containers, no root
# needed), dnsperf on loopback, once per JVM option set: q/s, p50/p99/p99.9 (dnsperf -v), the
# server's CPU per answered query (user+sys from /proc/PID/stat: more stable than latency on a busy
# machine), the bytes its receiver threads allocated per query, the GC pauses (-Xlog:gc), the load.
# Needs `mvn -pl runtime -am test-compile` (or verify) run first in this checkout. DNS_BENCH_CP_PREFIX:
# class directories put first on the class path (e.g. older versions of the dns classes, to compare).
#   bench/scripts/dns-loopback.sh [SECONDS] [RATES] [JVM-OPTION-SETS...]
#   defaults: 10 "20000 60000 0" "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms8m -Xmx256m" (the engine's, bin/jcompose)
#             "-XX:+UseSerialGC -Xms8m -Xmx256m" (the same with C2)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-10}
rates=${2:-"20000 60000 0"}
shift 2 2>/dev/null || shift $#
[ $# -gt 0 ] || set -- "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms8m -Xmx256m" "-XX:+UseSerialGC -Xms8m -Xmx256m"
command -v dnsperf >/dev/null || { echo "needs dnsperf (apt-get install dnsperf)" >&2; exit 2; }
work=$(mktemp -d /tmp/dnsloop.XXXXXX)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
(cd "$here" && mvn -B -q -o -pl runtime dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1)
cp="${DNS_BENCH_CP_PREFIX:+$DNS_BENCH_CP_PREFIX:}$here/runtime/target/classes:$here/runtime/target/test-classes:$(cat "$work/cp.txt")"
echo 'web A' > "$work/q.txt"
ticks=$(getconf CLK_TCK)
cpu_s() { awk -v t="$ticks" '{printf "%.3f", ($14 + $15) / t}' "/proc/$1/stat"; }
port=$((20000 + RANDOM % 20000))
for opts in "$@"; do
  total=$(( ($(wc -w <<<"$rates") * (seconds + 1)) + 8 ))
  # shellcheck disable=SC2086
  java $opts -Xlog:gc:file="$work/gc.log" -cp "$cp" dev.jcompose.engine.dns.DnsBench 0 "$total" "$port" > "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do grep -q serving "$work/server.log" && break; sleep 0.1; done
  dnsperf -s 127.0.0.1 -p "$port" -d "$work/q.txt" -l 3 -c 8 -T 2 > /dev/null 2>&1   # warm-up
  echo "== $opts"
  answered=0
  for rate in $rates; do
    q=(); [ "$rate" -gt 0 ] && q=(-Q "$rate")
    load=$(cut -d' ' -f1 /proc/loadavg); c0=$(cpu_s "$server")
    dnsperf -s 127.0.0.1 -p "$port" -d "$work/q.txt" -l "$seconds" -c 8 -T 2 "${q[@]}" -v > "$work/out.txt" 2>&1
    c1=$(cpu_s "$server")
    awk '/^> /{print $NF * 1000000}' "$work/out.txt" | sort -n > "$work/lat.txt"
    n=$(wc -l < "$work/lat.txt"); answered=$((answered + n))
    awk -v rate="$rate" -v secs="$seconds" -v cpu="$(echo "$c1 - $c0" | bc)" -v load="$load" '{a[NR]=$1} END {
      printf "  %-6s %7.0f q/s  p50 %6.0f us  p99 %6.0f us  p99.9 %6.0f us  server CPU %.1f us/query  load %s\n",
        (rate > 0 ? rate : "max"), NR / secs, a[int(NR * .5) + 1], a[int(NR * .99) + 1], a[int(NR * .999) + 1], cpu * 1e6 / NR, load }' "$work/lat.txt"
  done
  wait "$server" || true; server=
  alloc=$(awk -F': ' '/allocated/ {print $2}' "$work/server.log")
  pauses=$(grep -c 'Pause' "$work/gc.log" || true)
  maxp=$(grep -o '[0-9.]*ms$' "$work/gc.log" | sort -n | tail -1)
  echo "  receivers allocated $(( ${alloc:-0} / (answered > 0 ? answered : 1) )) bytes/query (warm-up included); GC pauses: $pauses, longest ${maxp:-none}"
done
