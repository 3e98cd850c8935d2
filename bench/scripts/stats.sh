#!/usr/bin/env bash
# Hand-run benchmark (root): what stats cost, against an engine of its own (own state root and run dir).
#   bench/scripts/stats.sh [CONTAINERS] [FRAMES]
# Starts CONTAINERS sleeping busybox containers (10), then:
#  - FRAMES one-shot frames (GET /containers/{id}/stats?stream=false&one-shot=true, 200) over curl, round robin:
#    wall time per frame and the engine's CPU time (user+sys) per frame;
#  - `jcompose stats --no-stream` and, when the docker CLI is there, `docker stats --no-stream` (hyperfine, 5 runs
#    each): both include the one-second wait for a second sample (docker's CPU % needs two), so compare the rest.
# Prints the load average with each figure: on a busy machine rerun it on a quiet one.
set -euo pipefail
n=${1:-10}
frames=${2:-200}
here=$(cd "$(dirname "$0")/../.." && pwd)
jc="$here/bin/jcompose"
work=$(mktemp -d /tmp/jcstats.XXXXXX)
unset JCOMPOSE_HOST
export JCOMPOSE_ROOT="$work/root" JCOMPOSE_RUN_DIR="$work/run" JCOMPOSE_DNS_UPSTREAM=none
sock="$work/run/jcompose.sock"
engine_pid=
cleanup() {
  [ -f "$work/compose.yaml" ] && "$jc" -f "$work/compose.yaml" -p statsbench down -t 0 >/dev/null 2>&1 || true
  if [ -n "$engine_pid" ]; then kill "$engine_pid" 2>/dev/null || true; for _ in $(seq 100); do kill -0 "$engine_pid" 2>/dev/null || break; sleep 0.1; done; fi
  grep -F " $work/" /proc/self/mountinfo | awk '{print $5}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/rootfs/bin"
cp /bin/busybox "$work/rootfs/bin/"
for a in sh sleep true; do ln -s busybox "$work/rootfs/bin/$a"; done
tar -C "$work/rootfs" -cf "$work/busybox.tar" .
"$jc" image import "$work/busybox.tar" bench/busybox:1 >/dev/null   # starts the engine on demand
engine_pid=$(cat "$work/run/jcompose.pid")
cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' /proc/$engine_pid/stat; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

{ echo "services:"; for i in $(seq "$n"); do printf '  s%d:\n    image: bench/busybox:1\n    init: true\n    mem_limit: 64m\n    command: ["sleep", "3600"]\n' "$i"; done
  printf 'networks:\n  default:\n    ipam: {config: [{subnet: 10.231.46.0/24}]}\n'; } > "$work/compose.yaml"
"$jc" -f "$work/compose.yaml" -p statsbench up -d >/dev/null 2>&1
mapfile -t ids < <(curl -s --unix-socket "$sock" 'http://engine/containers/json' | grep -o '"Id":"[0-9a-f]*"' | cut -d'"' -f4)
echo "${#ids[@]} containers running; load $(load)"

before=$(cpu)
t0=$(date +%s%N)
for i in $(seq 0 $((frames - 1))); do
  curl -sf --unix-socket "$sock" "http://engine/containers/${ids[$((i % ${#ids[@]}))]}/stats?stream=false&one-shot=true" >/dev/null
done
t1=$(date +%s%N)
echo "one-shot frames: $frames in $(( (t1 - t0) / 1000000 )) ms wall ($(( (t1 - t0) / 1000 / frames )) us each, curl included);" \
     "engine CPU $(echo "$(cpu) - $before" | bc) s ($(echo "scale=3; ($(cpu) - $before) * 1000 / $frames" | bc) ms a frame); load $(load)"

cd "$work"
hyperfine -N -w 1 -r 5 "$jc -f $work/compose.yaml -p statsbench stats --no-stream" 2>&1 | grep -E 'Time|User|Range'
echo "load $(load)"
if command -v docker >/dev/null; then
  DOCKER_HOST="unix://$sock" hyperfine -N -w 1 -r 5 "docker stats --no-stream" 2>&1 | grep -E 'Time|User|Range'
  echo "load $(load)"
fi
