#!/usr/bin/env bash
# Hand-run A/B of two jcompose launchers on one command, runs alternated (A, B, A, B, …) so a busy
# machine stretches both alike. Prints, per launcher, the median wall and CPU (user+sys) time of RUNS
# runs after one warm-up run each (the warm-up makes the verb's CDS archive), and the load average.
#   bench/scripts/startup-ab.sh OLD_LAUNCHER NEW_LAUNCHER RUNS ARGS...
#   e.g. bench/scripts/startup-ab.sh /tmp/old/bin/jcompose bin/jcompose 15 -f compose.yaml config
# (an old launcher: `git show main:bin/jcompose > /tmp/old/bin/jcompose`, with /tmp/old/cli/target/jcompose.jar
# a link to the jar to run, so both launchers run the same jar and only the launch differs.)
# On a busy machine (other builds), run it as root under `chrt -f 10` (SCHED_FIFO: the runs are not
# preempted by ordinary processes; the kernel still leaves them 5% of each CPU): without it, wall medians
# of identical launchers differ by 10-15% at a load average of 15-20 on 2 cores.
set -euo pipefail
a=$1 b=$2 runs=$3
shift 3
work=$(mktemp -d /tmp/jcab.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$a" "$@" >/dev/null 2>&1 || { echo "A failed: $a $*" >&2; exit 1; }
"$b" "$@" >/dev/null 2>&1 || { echo "B failed: $b $*" >&2; exit 1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   nproc: $(nproc)   runs: $runs   command: $*"
for _ in $(seq "$runs"); do
  /usr/bin/time -a -o "$work/a" -f "%e %U %S" "$a" "$@" >/dev/null 2>&1
  /usr/bin/time -a -o "$work/b" -f "%e %U %S" "$b" "$@" >/dev/null 2>&1
done
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for x in a b; do
  launcher=$a; [ "$x" = b ] && launcher=$b
  printf '%s %-40s wall %6s s   cpu %6s s\n' "$x" "$launcher" "$(awk '{print $1}' "$work/$x" | median)" \
    "$(awk '{printf "%.2f\n", $2 + $3}' "$work/$x" | median)"
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
