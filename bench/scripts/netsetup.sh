#!/usr/bin/env bash
# Hand-run benchmark (root): network setup per container, step by step (address, bridge check,
# attach), with the engine's own NetworkStore and BridgeDriver against a process in a netns of its
# own (NetworkSetupBench); then, unless NO_ENGINE=1, the whole engine path (`docker run -d` on a
# bridge network against --network none, and `docker network connect`) through NetworkBench.
# Builds runtime (package, tests skipped) when its classes are missing.
#   bench/scripts/netsetup.sh [ROUNDS]
set -euo pipefail
rounds=${1:-200}
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
[ -f runtime/target/test-classes/dev/jcompose/engine/network/NetworkSetupBench.class ] \
  || mvn -B -q -o -pl runtime -am package -DskipTests
cpfile=$(mktemp /tmp/netsetup-cp.XXXXXX)
trap 'rm -f "$cpfile"' EXIT
mvn -B -q -o -pl runtime dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >/dev/null
cp="runtime/target/classes:runtime/target/test-classes:$(cat "$cpfile")"
java -cp "$cp" dev.jcompose.engine.network.NetworkSetupBench "$rounds"
if [ "${NO_ENGINE:-0}" != 1 ]; then
  java -Djcompose.shim="$here/runtime/target/jcompose-shim" -cp "$cp" dev.jcompose.engine.api.NetworkBench 1 1 15 \
    | grep '^setup:'
fi
