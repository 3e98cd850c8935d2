#!/bin/sh
# A/B of the pull path: runtime's PullBench with an older commit's runtime classes (OLD, a git rev)
# against the working tree's, alternating, ROUNDS rounds of RUNS runs each. Run as root from the
# repository root after `mvn -B -q -pl runtime -am test-compile`:
#   bench/scripts/pull-ab.sh OLD [ROOTFS.tar] [ROUNDS] [RUNS]
# The old classes come first on the class path, the tree's after them (for resources and the test
# classes: PullBench, RegistryFixture, OciImages). Needs what pull.sh needs. Reports PullBench's wall
# and CPU medians per side, and the load.
set -eu
old=$1
rootfs=${2:-/tmp/images-bench/debian.tar}
rounds=${3:-2}
runs=${4:-2}
work=$(mktemp -d)
trap 'rm -rf "$work" /var/tmp/jcompose-pull-ab' EXIT
mkdir -p "$work/src"
git archive "$old" runtime/src/main/java | tar -x -C "$work/src"
mvn -B -q -o -pl runtime dependency:build-classpath -Dmdep.outputFile="$work/cp" >/dev/null
javac -nowarn -d "$work/old" -cp "$(cat "$work/cp")" --release 17 $(find "$work/src" -name '*.java') 2>/dev/null
NEW="runtime/target/classes:runtime/target/test-classes:$(cat "$work/cp")"
OLD="$work/old:$NEW"
i=1
while [ "$i" -le "$rounds" ]; do
    for side in old new; do
        cp=$NEW; [ "$side" = old ] && cp=$OLD
        echo "== round $i: $side"
        java -cp "$cp" dev.jcompose.engine.image.registry.PullBench "$rootfs" "$runs" /var/tmp/jcompose-pull-ab | grep -E "load|jcompose|skopeo copy"
        rm -rf /var/tmp/jcompose-pull-ab
    done
    i=$((i + 1))
done
