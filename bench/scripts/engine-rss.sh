#!/usr/bin/env bash
# Hand-run benchmark (root): the engine's resident memory idle and with 10 running containers, and
# `docker run --rm` latency through it, against an engine of its own (own state root and run dir).
# By default the engine is started on demand by the CLI, i.e. with EngineStarter's JVM flags; set
# JAVA_FLAGS to start it with other flags instead (to compare), e.g.
#   JAVA_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms8m -Xmx256m -XX:ReservedCodeCacheSize=32m" bench/scripts/engine-rss.sh
#   bench/scripts/engine-rss.sh [IDLE_SECONDS] [RUNS]
# Prints RSS (kB), threads and the engine's CPU time (user+sys) at each point, the load average, and
# the median wall time of RUNS `docker run --rm busybox true` (needs the docker CLI) with the CPU
# they cost the engine and the clients. Peers (DESIGN.md): dockerd 88 MB + containerd 42 MB; docker run --rm 345 ms.
set -euo pipefail
idle=${1:-30}
runs=${2:-20}
here=$(cd "$(dirname "$0")/../.." && pwd)
jc="$here/bin/jcompose"
work=$(mktemp -d /tmp/jcrss.XXXXXX)
unset JCOMPOSE_HOST
export JCOMPOSE_ROOT="$work/root" JCOMPOSE_RUN_DIR="$work/run"
sock="$work/run/jcompose.sock"
engine_pid=
# the engine keeps its nftables table and the default network's bridge (jcompose0) when it stops (containers
# outlive it); this script's engine state goes with $work, so they go too — unless they were there before
# (another engine's)
table_before= bridge_before=
nft list table inet jcompose >/dev/null 2>&1 && table_before=1
ip link show jcompose0 >/dev/null 2>&1 && bridge_before=1
cleanup() {
  [ -f "$work/c10.yaml" ] && "$jc" -f "$work/c10.yaml" -p rss down -t 0 >/dev/null 2>&1 || true
  if [ -n "$engine_pid" ]; then kill "$engine_pid" 2>/dev/null || true; for _ in $(seq 100); do kill -0 "$engine_pid" 2>/dev/null || break; sleep 0.1; done; fi
  [ -z "$table_before" ] && nft delete table inet jcompose 2>/dev/null || true
  [ -z "$bridge_before" ] && ip link delete jcompose0 2>/dev/null || true
  grep -F " $work/" /proc/self/mountinfo | awk '{print $5}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

[ -f "$here/cli/target/jcompose.jar" ] || "$jc" version >/dev/null 2>&1 || true
mkdir -p "$work/rootfs/bin"
cp /bin/busybox "$work/rootfs/bin/"
for a in sh sleep true; do ln -s busybox "$work/rootfs/bin/$a"; done
tar -C "$work/rootfs" -cf "$work/busybox.tar" .
if [ -n "${JAVA_FLAGS:-}" ]; then
  # shellcheck disable=SC2086
  setsid java $JAVA_FLAGS -cp "$here/cli/target/jcompose.jar" dev.jcompose.cli.Main engine --root "$work/root" --run-dir "$work/run" \
    >"$work/engine.out" 2>&1 &
  engine_pid=$!
  for _ in $(seq 1200); do [ -S "$sock" ] && break; sleep 0.1; done
  [ -S "$sock" ] || { echo "the engine did not answer within 120 s; see $work/engine.out" >&2; cat "$work/engine.out" >&2; exit 1; }
fi
"$jc" image import "$work/busybox.tar" bench/busybox:1 >/dev/null   # starts the engine on demand when JAVA_FLAGS is unset
engine_pid=$(cat "$work/run/jcompose.pid")
echo "engine: $(tr '\0' ' ' < /proc/$engine_pid/cmdline | sed 's/ -cp .*//')"

cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' /proc/$engine_pid/stat; }
point() {
  echo "$1: RSS $(awk '/VmRSS/ {print $2}' /proc/$engine_pid/status) kB, threads $(awk '/Threads/ {print $2}' /proc/$engine_pid/status)," \
       "engine CPU so far $(cpu) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
}
sleep "$idle"
point "idle ${idle}s after start"

{ echo "services:"; for i in $(seq 10); do printf '  s%d:\n    image: bench/busybox:1\n    init: true\n    command: ["sleep", "3600"]\n' "$i"; done; } > "$work/c10.yaml"
"$jc" -f "$work/c10.yaml" -p rss up -d >/dev/null 2>&1
sleep "$idle"
point "10 running, ${idle}s after up"
# the shim processes of those containers, by role (argv[1]: "run" is a container's monitor; with init: true the
# container's PID 1 is the shim too): count, median and max VmRSS
for p in $(pgrep -f "^$work/root/bin/jcompose-shim"); do
  echo "$(tr '\0' '\n' < /proc/$p/cmdline | sed -n 2p) $(awk '/VmRSS/ {print $2}' /proc/$p/status)"
done | sort -k1,1 -k2,2n | awk '{n[$1]++; v[$1, n[$1]] = $2} END {for (r in n) printf "shim \"%s\": %d processes, RSS median %d kB, max %d kB\n", r, n[r], v[r, int((n[r] + 1) / 2)], v[r, n[r]]}'
"$jc" -f "$work/c10.yaml" -p rss down -t 0 >/dev/null 2>&1
sleep "$idle"
point "idle again ${idle}s after down"

docker=$(command -v docker || true)
if [ -n "$docker" ]; then
  export DOCKER_HOST="unix://$sock"
  "$docker" run --rm bench/busybox:1 true >/dev/null   # warm-up
  before=$(cpu)
  times_ms=()
  t0=$(date +%s%N)
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$docker" run --rm bench/busybox:1 true >/dev/null; e=$(date +%s%N)
    times_ms+=($(( (e - s) / 1000000 )))
  done
  t1=$(date +%s%N)
  median=$(printf '%s\n' "${times_ms[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  client=$(awk '{printf "%.2f", ($16 + $17) / 100}' /proc/$$/stat)
  echo "docker run --rm true: median ${median} ms over $runs (wall total $(( (t1 - t0) / 1000000 )) ms;" \
       "engine CPU $(echo "$(cpu) - $before" | bc) s; clients' CPU so far ${client} s; load $(cut -d' ' -f1-3 /proc/loadavg))"
  point "after the runs"
fi
