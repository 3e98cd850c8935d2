#!/usr/bin/env bash
# Hand-run benchmark (root): `up -d` and `down -t 0` of 1, 10 and 30 busybox services, Debian's
# docker-compose 1.29 on Debian's dockerd vs jcompose on its own engine, side by side in one run (see
# dockerd-env.sh). Prints, per client and size: median wall, client CPU (user+sys of the compose
# processes), daemon-side CPU (its cpuacct cgroup), and the load average before and after.
#   bench/scripts/dockerd-lifecycle.sh [RUNS]      (default 3)
runs=${1:-3}
source "$(dirname "$0")/dockerd-env.sh"
command -v docker-compose >/dev/null || { echo "needs docker-compose (apt-get install docker-compose)" >&2; exit 2; }
lifecycle_cleanup() {
  set +e
  for n in 1 10 30; do
    [ -f "$work/jc$n.yaml" ] && JCOMPOSE_HOST="$JC_HOST" "$jc" -f "$work/jc$n.yaml" -p "bench$n" down -t 0 >/dev/null 2>&1
    [ -f "$work/dk$n.yaml" ] && DOCKER_HOST="$DK_HOST" docker-compose -f "$work/dk$n.yaml" -p "bench$n" down -t 0 >/dev/null 2>&1
  done
  bench_cleanup
}
trap lifecycle_cleanup EXIT

compose_file() { # services subnet
  echo 'version: "3.8"'; echo "services:"
  for i in $(seq "$1"); do printf '  s%d:\n    image: bench/busybox:1\n    command: ["sleep", "3600"]\n' "$i"; done
  printf 'networks:\n  default:\n    ipam:\n      config:\n        - subnet: %s\n' "$2"
}
jcompose_on_engine() { JCOMPOSE_HOST="$JC_HOST" "$jc" "$@" >"$work/out" 2>&1; }
# docker-compose's default 60 s HTTP timeout fails 30 services on a loaded machine
compose_v1_on_dockerd() { DOCKER_HOST="$DK_HOST" COMPOSE_HTTP_TIMEOUT=600 docker-compose --no-ansi "$@" >"$work/out" 2>&1; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in 1 10 30; do
  compose_file "$n" 10.234.73.0/24 > "$work/jc$n.yaml"
  compose_file "$n" 10.234.74.0/24 > "$work/dk$n.yaml"
  for target in "jcompose/engine:jcompose_on_engine:jc:$cg_jc" "docker-compose/dockerd:compose_v1_on_dockerd:dk:$cg_dk"; do
    IFS=: read -r name fn file cg <<< "$target"
    for verb in up down; do declare "w_$verb="; declare "c_$verb=0"; declare "d_$verb=0"; done
    for _ in $(seq "$runs"); do
      for verb in up down; do
        if [ "$verb" = up ]; then args=(up -d); else args=(down -t 0); fi
        children_cpu; c0=$cpu_s; d0=$(cpu_ns "$cg"); s=$(now_ns)
        "$fn" -f "$work/$file$n.yaml" -p "bench$n" "${args[@]}" || { echo "$name ${args[*]} ($n services) failed:" >&2; tail -5 "$work/out" >&2; exit 1; }
        e=$(now_ns); children_cpu; d1=$(cpu_ns "$cg")
        declare "w_$verb=$(eval echo \$w_$verb) $(( (e - s) / 1000000 ))"
        declare "c_$verb=$(echo "$(eval echo \$c_$verb) + $cpu_s - $c0" | bc)"
        declare "d_$verb=$(( $(eval echo \$d_$verb) + d1 - d0 ))"
      done
    done
    for verb in up down; do
      walls=$(eval echo \$w_$verb)
      echo "$name $verb $n services: median $(printf '%s\n' $walls | median) ms" \
        "| client CPU $(echo "scale=2; $(eval echo \$c_$verb) / $runs" | bc) s/run" \
        "| daemon CPU $(echo "scale=2; $(eval echo \$d_$verb) / $runs / 1000000000" | bc) s/run | runs (ms):$walls"
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
