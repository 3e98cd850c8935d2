#!/bin/sh
# Pull + unpack benchmark (runtime's PullBench): jcompose against skopeo copy + umoci unpack (and
# podman pull with PODMAN=1, Debian dockerd's docker pull with DOCKER=1), from docker-registry on
# loopback, on disk and on tmpfs (TMPFS=0: on disk only). Run as root
# from the repository root after `mvn -B -q -pl runtime -am test-compile`:
#   bench/scripts/pull.sh [ROOTFS.tar] [runs]
# ROOTFS.tar defaults to /tmp/images-bench/debian.tar, made here with
#   mmdebstrap --variant=minbase bookworm /tmp/images-bench/debian.tar
# Needs docker-registry, skopeo, umoci (Debian packages); podman / docker.io for PODMAN=1 / DOCKER=1.
# Report wall and CPU time and the load.
set -eu
rootfs=${1:-/tmp/images-bench/debian.tar}
runs=${2:-5}
[ -f "$rootfs" ] || { mkdir -p "$(dirname "$rootfs")"; mmdebstrap --variant=minbase bookworm "$rootfs"; }
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
mvn -B -q -o -pl runtime dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null
CP="runtime/target/classes:runtime/target/test-classes:$(cat "$cp")"
echo "== on disk ($(df --output=fstype /var/tmp | tail -1) under /var/tmp)"
java -cp "$CP" dev.jcompose.engine.image.registry.PullBench "$rootfs" "$runs" /var/tmp/jcompose-pull-bench
rm -rf /var/tmp/jcompose-pull-bench
[ "${TMPFS:-1}" = 1 ] || exit 0
echo "== on tmpfs (/dev/shm)"
java -cp "$CP" dev.jcompose.engine.image.registry.PullBench "$rootfs" "$runs" /dev/shm/jcompose-pull-bench
rm -rf /dev/shm/jcompose-pull-bench
