# Sourced by the dockerd-*.sh benchmarks (root): starts, side by side, jcompose's engine and Debian's
# dockerd (package docker.io), each with everything of its own under one temp dir (state, exec root,
# socket, config, cgroup parent), each in a cpuacct cgroup of its own so the daemon side's CPU time
# (engine + shims / dockerd + containerd + shims + runc + docker-proxy) can be read; loads the same
# busybox-static image as bench/busybox:1 into both; on exit removes everything they made.
# Gives: $work, $jc, $docker, JC_HOST, DK_HOST, engine_cpu_ns CGNAME, client_cpu helpers.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
jc="$here/bin/jcompose"
docker=$(command -v docker)
command -v dockerd >/dev/null || { echo "needs dockerd (apt-get install docker.io)" >&2; exit 2; }
work=$(mktemp -d /tmp/jcdbench.XXXXXX)
JC_HOST="unix://$work/jc/run/jcompose.sock"
DK_HOST="unix://$work/dk/docker.sock"
cg_jc=/sys/fs/cgroup/cpuacct/jcbench-engine-$$
cg_dk=/sys/fs/cgroup/cpuacct/jcbench-dockerd-$$
dk_parent=jcbench-dkct-$$
engine_pid= dockerd_pid=
host_leftovers=(/etc/docker/key.json /etc/docker /run/containerd/s /run/containerd /var/run/docker/plugins /var/run/docker)
absent_before=()
for p in "${host_leftovers[@]}"; do [ -e "$p" ] || absent_before+=("$p"); done

bench_cleanup() {
  set +e
  if [ -n "$dockerd_pid" ]; then
    ids=$("$docker" -H "$DK_HOST" ps -aq 2>/dev/null); [ -n "$ids" ] && "$docker" -H "$DK_HOST" rm -f $ids >/dev/null 2>&1
    # dockerd names a network's bridge br-<ID[:12]>; one it fails to remove (endpoints left by a
    # timed-out create) is deleted after it stopped
    bridges=$("$docker" -H "$DK_HOST" network ls -q --filter driver=bridge 2>/dev/null | sed 's/^/br-/')
    "$docker" -H "$DK_HOST" network prune -f >/dev/null 2>&1
    kill "$dockerd_pid" 2>/dev/null
    for _ in $(seq 600); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ -n "$engine_pid" ]; then
    ids=$("$docker" -H "$JC_HOST" ps -aq 2>/dev/null); [ -n "$ids" ] && "$docker" -H "$JC_HOST" rm -f $ids >/dev/null 2>&1
    "$docker" -H "$JC_HOST" network prune -f >/dev/null 2>&1
    kill "$engine_pid" 2>/dev/null
    for _ in $(seq 300); do kill -0 "$engine_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  # containerd and its shims name our exec root on their command lines
  for p in /proc/[0-9]*; do
    grep -qF "$work/" "$p/cmdline" 2>/dev/null && kill -9 "${p#/proc/}" 2>/dev/null
  done
  for b in ${bridges:-}; do [ -e "/sys/class/net/$b" ] && ip link delete "$b"; done
  grep -F " $work/" /proc/self/mountinfo | awk '{print $5}' | sort -r | while read -r m; do umount -l "$m"; done
  for h in /sys/fs/cgroup/*; do
    [ -d "$h/$dk_parent" ] && find "$h/$dk_parent" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
  rmdir "$cg_jc" "$cg_dk" 2>/dev/null
  for p in "${absent_before[@]}"; do rm -f "$p" 2>/dev/null || rmdir "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap bench_cleanup EXIT

# the busybox-static image, one layer
mkdir -p "$work/rootfs/bin" "$work/rootfs/etc" "$work/rootfs/tmp"
cp /bin/busybox "$work/rootfs/bin/"
for a in sh sleep true head nc cat echo; do ln -s busybox "$work/rootfs/bin/$a"; done
echo 'root:x:0:0:root:/root:/bin/sh' > "$work/rootfs/etc/passwd"
echo 'root:x:0:' > "$work/rootfs/etc/group"
tar -C "$work/rootfs" -cf "$work/busybox.tar" .

mkdir -p "$cg_jc" "$cg_dk" "$work/dk"
echo '{}' > "$work/dk/daemon.json"
# each daemon joins its cpuacct cgroup before exec, so everything it spawns is counted there
sh -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' sh "$cg_jc" \
  "$jc" engine --root "$work/jc/root" --run-dir "$work/jc/run" >"$work/engine.log" 2>&1 &
engine_pid=$!
sh -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' sh "$cg_dk" \
  dockerd --config-file "$work/dk/daemon.json" --data-root "$work/dk/data" --exec-root "$work/dk/exec" \
  --pidfile "$work/dk/dockerd.pid" -H "$DK_HOST" --iptables=false --ip6tables=false --bridge=none \
  --cgroup-parent "/$dk_parent" >"$work/dockerd.log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 1200); do
  "$docker" -H "$JC_HOST" version >/dev/null 2>&1 && "$docker" -H "$DK_HOST" version >/dev/null 2>&1 && break
  sleep 0.1
done
JCOMPOSE_HOST="$JC_HOST" "$jc" image import "$work/busybox.tar" bench/busybox:1 >/dev/null
"$docker" -H "$DK_HOST" import "$work/busybox.tar" bench/busybox:1 >/dev/null
# a user bridge network on each (dockerd runs with --bridge=none, so its default network is none):
# containers run with --network jcbench on both, each daemon with its own subnet
"$docker" -H "$JC_HOST" network create --subnet 10.234.71.0/24 jcbench >/dev/null
"$docker" -H "$DK_HOST" network create --subnet 10.234.72.0/24 jcbench >/dev/null

cpu_ns() { cat "$1/cpuacct.usage"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now_ns() { date +%s%N; }
# user+sys seconds of this shell's finished children so far: bash's `times` (second line), run in this
# shell (a $(...) subshell would see its own children only), so call it as `children_cpu; x=$cpu_s`
children_cpu() {
  times > "$work/times"
  cpu_s=$(tail -1 "$work/times" | awk '{split($1,u,"m"); split($2,s,"m"); printf "%.3f\n", u[1]*60+u[2]+s[1]*60+s[2]}')
}
