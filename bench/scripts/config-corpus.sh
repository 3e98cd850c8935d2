#!/usr/bin/env bash
# Hand-run check and benchmark of `jcompose config` as a whole process (no root, no engine):
#  1. every awesome-compose project prints with `config --format json` (exit 0) and the printed JSON,
#     loaded again with -f and --project-directory, prints the same JSON (issue 2's round trip, through
#     the real CLI);
#  2. wall and CPU time (user+sys) of `config --format json` on the largest awesome-compose file, with
#     hyperfine when installed (else RUNS timed runs), and the load average before and after.
#   bench/scripts/config-corpus.sh [RUNS]
set -euo pipefail
runs=${1:-15}
here=$(cd "$(dirname "$0")/../.." && pwd)
jc="$here/bin/jcompose"
corpus=$(cd "$here/../../shared/corpus" 2>/dev/null || cd "$here/../shared/corpus"; pwd)/awesome-compose
work=$(mktemp -d /tmp/jcconfig.XXXXXX)
trap 'rm -rf "$work"' EXIT

n=0; failed=0
for d in "$corpus"/*/; do
  f=""
  for c in compose.yaml compose.yml docker-compose.yml docker-compose.yaml; do [ -f "$d$c" ] && { f="$d$c"; break; }; done
  [ -z "$f" ] && continue
  n=$((n + 1)); name=$(basename "$d")
  if ! (cd "$d" && HOME=/root "$jc" config --format json >"$work/$name.json" 2>"$work/$name.err"); then
    failed=$((failed + 1)); echo "FAIL $name: $(cat "$work/$name.err")"; continue
  fi
  if ! (cd "$d" && HOME=/root "$jc" -f "$work/$name.json" --project-directory "$d" config --format json >"$work/$name.2.json" 2>>"$work/$name.err") \
      || ! cmp -s "$work/$name.json" "$work/$name.2.json"; then
    failed=$((failed + 1)); echo "ROUND TRIP FAIL $name"
  fi
done
echo "awesome-compose projects: $n, failures: $failed"

big=$(cd "$corpus" && { ls -S */compose.yaml */compose.yml */docker-compose.yml */docker-compose.yaml 2>/dev/null || true; } | head -1)
echo "largest file: $big; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$corpus/$(dirname "$big")"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 2 --runs "$runs" "$jc config --format json"
else
  for _ in $(seq "$runs"); do /usr/bin/time -f "%e s wall, %U s user, %S s sys" "$jc" config --format json >/dev/null; done
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
