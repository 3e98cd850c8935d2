#!/usr/bin/env bash
# Hand-run benchmark (root): `jcompose up -d` and `down -t 0` for 1, 10 and 30 busybox services,
# and `jcompose ps` / `config` as whole processes, against an engine of its own (own state root,
# own run dir), so nothing of the machine's default engine is touched. Prints one line per figure
# (median of RUNS). Peers' figures to compare with are in ../shared/DESIGN.md.
#   bench/scripts/lifecycle.sh [RUNS]
set -euo pipefail
runs=${1:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
jc="$here/bin/jcompose"
work=$(mktemp -d /tmp/jcbench.XXXXXX)
export JCOMPOSE_HOST="unix://$work/run/jcompose.sock"
engine_pid=
cleanup() {
  for n in 1 10 30; do [ -f "$work/c$n.yaml" ] && "$jc" -f "$work/c$n.yaml" -p "bench$n" down -t 0 >/dev/null 2>&1 || true; done
  [ -n "$engine_pid" ] && kill "$engine_pid" 2>/dev/null && wait "$engine_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/rootfs/bin"
cp /bin/busybox "$work/rootfs/bin/"
for a in sh sleep true; do ln -s busybox "$work/rootfs/bin/$a"; done
tar -C "$work/rootfs" -cf "$work/busybox.tar" .
"$jc" engine --root "$work/root" --run-dir "$work/run" >"$work/engine.log" 2>&1 &
engine_pid=$!
for _ in $(seq 100); do [ -S "$work/run/jcompose.sock" ] && break; sleep 0.1; done
"$jc" image import "$work/busybox.tar" bench/busybox:1 >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo "scale=3; ($e - $s) / 1000000000" | bc; }

for n in 1 10 30; do
  { echo "services:"; for i in $(seq "$n"); do printf '  s%d:\n    image: bench/busybox:1\n    command: ["sleep", "3600"]\n' "$i"; done; } > "$work/c$n.yaml"
  ups=(); downs=()
  for _ in $(seq "$runs"); do
    ups+=("$(timed "$jc" -f "$work/c$n.yaml" -p "bench$n" up -d)")
    downs+=("$(timed "$jc" -f "$work/c$n.yaml" -p "bench$n" down -t 0)")
  done
  echo "up -d     $n services: $(printf '%s\n' "${ups[@]}" | median) s   (runs: ${ups[*]})"
  echo "down -t 0 $n services: $(printf '%s\n' "${downs[@]}" | median) s   (runs: ${downs[*]})"
done
"$jc" -f "$work/c10.yaml" -p bench10 up -d >/dev/null 2>&1
pss=(); configs=()
for _ in $(seq 5); do
  pss+=("$(timed "$jc" -f "$work/c10.yaml" -p bench10 ps)")
  configs+=("$(timed "$jc" -f "$work/c10.yaml" -p bench10 config)")
done
echo "ps (10 running)         : $(printf '%s\n' "${pss[@]}" | median) s   (runs: ${pss[*]})"
echo "config                  : $(printf '%s\n' "${configs[@]}" | median) s   (runs: ${configs[*]})"
echo "engine RSS with 10 running: $(awk '/VmRSS/ {print $2, $3}' /proc/$engine_pid/status)"
