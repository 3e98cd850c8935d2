#!/usr/bin/env bash
# Hand-run benchmark (root): `docker run --rm --network none IMAGE true` through two engines of its own, side by
# side and interleaved: one plain, one with --userns-remap (an explicit range, so /etc is not touched). Prints the
# median wall time per run, the engines' CPU (user+sys, from /proc/PID/stat) per run, and the load average.
#   bench/scripts/userns-run.sh [RUNS]        (default 20; needs the docker CLI client and busybox-static)
set -euo pipefail
runs=${1:-20}
here=$(cd "$(dirname "$0")/../.." && pwd)
jc="$here/bin/jcompose"
work=$(mktemp -d /tmp/jcuserns.XXXXXX)
chmod 0711 "$work" # the remapped root walks through it to its rootfs
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/rootfs/bin"
cp /bin/busybox "$work/rootfs/bin/"
for a in sh true; do ln -s busybox "$work/rootfs/bin/$a"; done
tar -C "$work/rootfs" -cf "$work/busybox.tar" .
start_engine() { # NAME [ENGINE ARGS...]
  local name=$1; shift
  "$jc" engine --root "$work/$name/root" --run-dir "$work/$name/run" "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 200); do [ -S "$work/$name/run/jcompose.sock" ] && break; sleep 0.1; done
  JCOMPOSE_HOST="unix://$work/$name/run/jcompose.sock" "$jc" image import "$work/busybox.tar" bench/busybox:1 >/dev/null
}
start_engine plain
start_engine remapped --userns-remap 431072:431072:65536
plain_pid=${pids[0]}; remapped_pid=${pids[1]}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "load average at start: $(cat /proc/loadavg)"
: >"$work/plain.ms"; : >"$work/remapped.ms"
p0=$(ticks "$plain_pid"); r0=$(ticks "$remapped_pid")
for i in $(seq "$runs"); do
  for name in plain remapped; do
    t0=$(date +%s%N)
    docker -H "unix://$work/$name/run/jcompose.sock" run --rm --network none bench/busybox:1 true
    echo $(( ($(date +%s%N) - t0) / 1000000 )) >>"$work/$name.ms"
  done
done
p1=$(ticks "$plain_pid"); r1=$(ticks "$remapped_pid")
hz=$(getconf CLK_TCK)
echo "docker run --rm --network none true, $runs runs each, interleaved:"
echo "  plain engine     median $(median <"$work/plain.ms") ms  engine cpu (user+sys) $(( (p1 - p0) * 1000 / hz / runs )) ms/run"
echo "  --userns-remap   median $(median <"$work/remapped.ms") ms  engine cpu (user+sys) $(( (r1 - r0) * 1000 / hz / runs )) ms/run"
echo "load average at end: $(cat /proc/loadavg)"
