#!/usr/bin/env bash
# Hand-run A/B benchmark (root): `up -d` and `down -t 0` of N busybox services with two builds of
# jcompose (each a cli jar, e.g. a copy of cli/target/jcompose.jar before and after a change), each
# build with its own engine (started from that jar, own state root and run dir), runs alternated
# A, B, A, B … so machine load hits both alike. Prints per build the median wall time, the median
# CPU time (user+sys) of the CLI process plus the engine's CPU spent during the run, and the load
# average at the end.
#   bench/scripts/lifecycle-ab.sh OLD.jar NEW.jar [RUNS=7] [SERVICES=30]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 OLD.jar NEW.jar [RUNS] [SERVICES]" >&2; exit 2; }
jars=("$(readlink -f "$1")" "$(readlink -f "$2")")
runs=${3:-7}
n=${4:-30}
work=$(mktemp -d /tmp/jcab.XXXXXX)
opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss2m -Xms8m -Xmx256m -XX:ReservedCodeCacheSize=32m)
pids=()
cleanup() {
  for i in 0 1; do
    JCOMPOSE_HOST="unix://$work/run$i/jcompose.sock" java "${opts[@]}" -jar "${jars[$i]}" -f "$work/c.yaml" -p "ab$i" down -t 0 >/dev/null 2>&1 || true
  done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/rootfs/bin"
cp /bin/busybox "$work/rootfs/bin/"
for a in sh sleep true; do ln -s busybox "$work/rootfs/bin/$a"; done
tar -C "$work/rootfs" -cf "$work/busybox.tar" .
{ echo "services:"; for i in $(seq "$n"); do printf '  s%d:\n    image: bench/busybox:1\n    command: ["sleep", "3600"]\n' "$i"; done; } > "$work/c.yaml"

# cmd VERSION: sets CMD to the CLI of build VERSION against its own engine, with a class-data archive per build.
cmd() {
  local i=$1 jsa="$work/cds$1.jsa"
  CMD=(env JCOMPOSE_HOST="unix://$work/run$i/jcompose.sock" java "${opts[@]}")
  if [ -f "$jsa" ]; then CMD+=(-XX:SharedArchiveFile="$jsa" -Xshare:auto); else CMD+=(-XX:ArchiveClassesAtExit="$jsa"); fi
  CMD+=(-Xlog:cds=off -Xlog:cds+dynamic=off -jar "${jars[$i]}")
}
cli() { local i=$1; shift; cmd "$i"; "${CMD[@]}" "$@"; }
for i in 0 1; do
  java -XX:+UseSerialGC -jar "${jars[$i]}" engine --root "$work/root$i" --run-dir "$work/run$i" >"$work/engine$i.log" 2>&1 &
  pids+=($!)
done
for i in 0 1; do
  for _ in $(seq 300); do [ -S "$work/run$i/jcompose.sock" ] && break; sleep 0.1; done
  cli "$i" image import "$work/busybox.tar" bench/busybox:1 >/dev/null
  cli "$i" -f "$work/c.yaml" -p "ab$i" up -d >/dev/null 2>&1   # warm-up (and the CDS archive of `up`)
  cli "$i" -f "$work/c.yaml" -p "ab$i" down -t 0 >/dev/null 2>&1
done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
# measure VERSION VERB…: prints "wall cpu" in seconds; cpu = the CLI's user+sys plus the engine's ticks during the run.
measure() {
  local i=$1; shift
  local e0 e1 s e tf
  tf="$work/time"
  e0=$(ticks "${pids[$i]}"); s=$(date +%s%N)
  cmd "$i"
  /usr/bin/time -f '%U %S' -o "$tf" "${CMD[@]}" "$@" >/dev/null 2>&1 || true
  e=$(date +%s%N); e1=$(ticks "${pids[$i]}")
  awk -v w="$(( e - s ))" -v t="$(( e1 - e0 ))" -v hz="$hz" '{printf "%.3f %.3f\n", w / 1e9, $1 + $2 + t / hz}' "$tf"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -a upw0 upw1 upc0 upc1 dnw0 dnw1
for _ in $(seq "$runs"); do
  for i in 0 1; do
    read -r w c < <(measure "$i" -f "$work/c.yaml" -p "ab$i" up -d)
    eval "upw$i+=($w); upc$i+=($c)"
    read -r w c < <(measure "$i" -f "$work/c.yaml" -p "ab$i" down -t 0)
    eval "dnw$i+=($w)"
  done
done
for i in 0 1; do
  eval "uw=(\"\${upw$i[@]}\"); uc=(\"\${upc$i[@]}\"); dw=(\"\${dnw$i[@]}\")"
  echo "build $i (${jars[$i]}): up -d $n: wall $(printf '%s\n' "${uw[@]}" | median) s, cpu $(printf '%s\n' "${uc[@]}" | median) s (runs: ${uw[*]});" \
       "down -t 0: wall $(printf '%s\n' "${dw[@]}" | median) s"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
