#!/usr/bin/env bash
# Hand-run benchmark (root): jcompose-shim run vs runc run vs crun run of /bin/true on the same bundle
# (ShimBench: interleaved rounds, medians, CPU per run, load average), without and with Docker's seccomp,
# then with seccomp in a user namespace (--userns-remap).
#   bench/scripts/shim.sh [RUNS]        (default 50)
# crun 1.8 refuses this machine kind's hybrid cgroup layout (cgroup2 at /sys/fs/cgroup/unified holding
# hugetlb), so the whole benchmark runs in a private mount namespace with that mount removed: all three
# runtimes then see the same plain cgroup v1 host. Needs the Debian packages runc, crun, busybox-static.
# Peers measured here (DESIGN.md): crun 9.8 ms, runc 29.7 ms.
set -euo pipefail
runs=${1:-50}
here=$(cd "$(dirname "$0")/../.." && pwd)
[ "$(id -u)" = 0 ] || { echo "shim.sh: needs root (namespaces, mounts)" >&2; exit 1; }
if [ ! -x "$here/runtime/target/jcompose-shim" ] || [ ! -d "$here/runtime/target/test-classes" ]; then
  (cd "$here" && mvn -B -q -o -pl runtime -am package -DskipTests)
fi
cpfile=$(mktemp /tmp/shimbench-cp.XXXXXX)
trap 'rm -f "$cpfile"' EXIT
(cd "$here/runtime" && mvn -B -q -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null 2>&1)
cp=$(cat "$cpfile")
unshare -m --propagation private sh -c '
  if grep -q " /sys/fs/cgroup/unified " /proc/self/mountinfo; then umount /sys/fs/cgroup/unified; fi
  exec java -cp "$1" dev.jcompose.engine.shim.ShimBench "$2" "$3"' shim.sh \
  "$here/runtime/target/classes:$here/runtime/target/test-classes:$cp" "$here/runtime/target/jcompose-shim" "$runs"
