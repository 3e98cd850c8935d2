#!/usr/bin/env bash
# Hand-run benchmark (root): `docker run --rm --network jcbench bench/busybox:1 true` with the same docker CLI through
# jcompose's engine and through Debian's dockerd, side by side in one run (see dockerd-env.sh).
# Prints, per daemon: median and all wall times, client CPU (user+sys of the docker CLI processes) and
# daemon-side CPU (its cpuacct cgroup), and the load average before and after.
#   bench/scripts/dockerd-run.sh [RUNS]      (default 20)
runs=${1:-20}
source "$(dirname "$0")/dockerd-env.sh"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for target in jcompose:"$JC_HOST":"$cg_jc" dockerd:"$DK_HOST":"$cg_dk"; do
  name=${target%%:*}; rest=${target#*:}; cg=${rest##*:}; host=${rest%:*}
  "$docker" -H "$host" run --rm --network jcbench bench/busybox:1 true   # warm-up, not counted
  walls=(); children_cpu; c0=$cpu_s; d0=$(cpu_ns "$cg")
  for _ in $(seq "$runs"); do
    s=$(now_ns); "$docker" -H "$host" run --rm --network jcbench bench/busybox:1 true; e=$(now_ns)
    walls+=("$(( (e - s) / 1000000 ))")
  done
  children_cpu; c1=$cpu_s; d1=$(cpu_ns "$cg")
  echo "$name: docker run --rm true  median $(printf '%s\n' "${walls[@]}" | median) ms over $runs runs" \
    "| client CPU $(echo "scale=1; ($c1 - $c0) * 1000 / $runs" | bc) ms/run" \
    "| daemon CPU $(( (d1 - d0) / runs / 1000000 )) ms/run | runs (ms): ${walls[*]}"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
