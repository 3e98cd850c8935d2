#!/usr/bin/env bash
# Hand-run benchmark (root): the CLI as a whole process, as users run it through bin/jcompose.
#   config            bin/jcompose config of a small stack
#   ps                bin/jcompose ps against a running engine with that stack up (3 containers)
#   logs              bin/jcompose logs of a container that printed 1,000,000 lines
#   docker logs       the docker client on PATH pointed at the same engine, same container (the peer)
# Uses an engine of its own (own state root and run dir under a temp dir), so nothing of the machine's
# default engine is touched. Each verb runs once first (it makes the verb's CDS archive), then RUNS
# times; prints the median wall time and the median CPU time (user+sys of the client process) and the
# load average, since a busy machine stretches wall time but hardly CPU time.
# Also times `java -version` (the JVM's own start-up: the floor under every verb). On a busy machine run it
# as root under `chrt -f 10` (see startup-ab.sh). SKIP_LOGS=1 leaves out the two logs benches and the wait
# for the 1,000,000 lines. COMPARE=/path/to/other/bin/jcompose also runs config and ps A/B (alternated, see
# startup-ab.sh) between that launcher (A: e.g. a checkout of an older commit, built) and this one (B), against
# the same engine and stack.
#   bench/scripts/startup.sh [RUNS]
set -euo pipefail
runs=${1:-5}
skip_logs=${SKIP_LOGS:-}
here=$(cd "$(dirname "$0")/../.." && pwd)
jc="$here/bin/jcompose"
work=$(mktemp -d /tmp/jcstartup.XXXXXX)
export JCOMPOSE_HOST="unix://$work/run/jcompose.sock"
export JCOMPOSE_DNS_UPSTREAM=none
project=startupbench$$
engine_pid=
cleanup() {
  [ -f "$work/compose.yaml" ] && "$jc" -f "$work/compose.yaml" -p "$project" down -t 0 >/dev/null 2>&1 || true
  [ -n "$engine_pid" ] && kill "$engine_pid" 2>/dev/null && wait "$engine_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/rootfs/bin"
cp /bin/busybox "$work/rootfs/bin/"
for a in sh sleep seq; do ln -s busybox "$work/rootfs/bin/$a"; done
tar -C "$work/rootfs" -cf "$work/busybox.tar" .
# the engine (and so its containers) at the ordinary policy even when this runs under chrt -f: a cgroup v1
# without a real-time budget refuses SCHED_FIFO tasks, so containers would not start
engine=("$jc")
command -v chrt >/dev/null && engine=(chrt -o 0 "$jc")
"${engine[@]}" engine --root "$work/root" --run-dir "$work/run" >"$work/engine.log" 2>&1 &
engine_pid=$!
for _ in $(seq 300); do [ -S "$work/run/jcompose.sock" ] && break; sleep 0.1; done
"$jc" image import "$work/busybox.tar" startupbench/busybox:1 >/dev/null
cat >"$work/compose.yaml" <<'EOF'
services:
  web:
    image: startupbench/busybox:1
    command: ["sleep", "3600"]
  db:
    image: startupbench/busybox:1
    command: ["sleep", "3600"]
  lines:
    image: startupbench/busybox:1
    command: ["sh", "-c", "seq 1 1000000; exec sleep 3600"]
EOF
jcf=("$jc" -f "$work/compose.yaml" -p "$project")
if [ -n "$skip_logs" ]; then
  sed -i 's/seq 1 1000000; exec sleep 3600/exec sleep 3600/' "$work/compose.yaml"
fi
"${jcf[@]}" up -d >/dev/null 2>&1
# wait until the 1M lines are in the log file
log=
[ -z "$skip_logs" ] || log=skipped
for _ in $(seq 1200); do
  [ -z "$skip_logs" ] || break
  log=$(ls "$work"/root/containers/*/*-json.log 2>/dev/null | xargs -r wc -l | awk '$2 != "total" && $1 >= 1000000 {print $2}' | head -1)
  [ -n "$log" ] && break
  sleep 0.5
done
[ -n "$log" ] || { echo "the lines container did not print 1,000,000 lines" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# bench NAME CMD...: one warm-up run, then RUNS timed runs; prints median wall and CPU
bench() {
  local name=$1; shift
  local walls=() cpus=() t
  "$@" >/dev/null 2>&1 || { echo "$name: command failed: $*" >&2; return 1; }
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f "%e %U %S" "$@" >/dev/null 2>&1
    t=$(tail -1 "$work/time")
    walls+=("$(awk '{print $1}' <<<"$t")")
    cpus+=("$(awk '{printf "%.2f", $2 + $3}' <<<"$t")")
  done
  printf '%-28s wall %6s s   cpu %6s s   (wall runs: %s)\n' "$name" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "${walls[*]}"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   nproc: $(nproc)   runs: $runs"
bench "java -version" java -version
bench "jcompose config" "${jcf[@]}" config
bench "jcompose ps (3 running)" "${jcf[@]}" ps
if [ -n "$skip_logs" ]; then
  echo "logs: skipped (SKIP_LOGS)"
else
  bench "jcompose logs (1M lines)" "${jcf[@]}" logs lines
fi
if [ -n "$skip_logs" ]; then
  :
elif command -v docker >/dev/null; then
  bench "docker logs (1M lines)" docker -H "$JCOMPOSE_HOST" logs "$project-lines-1"
else
  echo "docker logs: no docker client on PATH"
fi
if [ -n "${COMPARE:-}" ]; then
  "$here/bench/scripts/startup-ab.sh" "$COMPARE" "$jc" "$runs" -f "$work/compose.yaml" -p "$project" config
  "$here/bench/scripts/startup-ab.sh" "$COMPARE" "$jc" "$runs" -f "$work/compose.yaml" -p "$project" ps
fi
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
