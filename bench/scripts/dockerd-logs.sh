#!/usr/bin/env bash
# Hand-run benchmark (root): `logs` of a container that printed 1,000,000 lines, side by side in one
# run (see dockerd-env.sh): jcompose logs on jcompose's engine vs `docker logs` and Debian's
# docker-compose 1.29 `logs` on Debian's dockerd; also the docker client on our engine and the
# jcompose CLI on dockerd (each client against the other's daemon). The same compose project (one
# service `lines`: `seq 1 1000000`, then sleep) is up on both daemons. Output goes to a file (its
# line count is printed).
# Each client runs once first (warm-up, and the jcompose verb's CDS archive), then the clients are
# alternated RUNS times (docker-compose, 4-5x slower than the others, only DC_RUNS times). Per client:
# median wall, median client CPU (user+sys of the client process) and median daemon CPU (the
# daemon's cpuacct cgroup: engine / dockerd + containerd + shims), the load average before and after.
#   [CLIENTS="jc_engine docker_dockerd ..."] bench/scripts/dockerd-logs.sh [RUNS] [DC_RUNS]      (defaults 5 and 1)
# (an A/B of two checkouts: run each one's script in turn with CLIENTS="jc_engine docker_engine")
runs=${1:-5}
dc_runs=${2:-1}
source "$(dirname "$0")/dockerd-env.sh"
command -v docker-compose >/dev/null || { echo "needs docker-compose (apt-get install docker-compose)" >&2; exit 2; }
project=jclogsbench$$
logs_cleanup() {
  set +e
  JCOMPOSE_HOST="$JC_HOST" "$jc" -f "$work/compose.yaml" -p "$project" down -t 0 >/dev/null 2>&1
  DOCKER_HOST="$DK_HOST" docker-compose -f "$work/compose.yaml" -p "$project" down -t 0 >/dev/null 2>&1
  bench_cleanup
}
trap logs_cleanup EXIT

# the bench image has no seq link: busybox runs it by name
cat > "$work/compose.yaml" <<'EOF'
version: "3.8"
services:
  lines:
    image: bench/busybox:1
    network_mode: none
    command: ["/bin/busybox", "sh", "-c", "/bin/busybox seq 1 1000000; exec /bin/busybox sleep 3600"]
EOF
JCOMPOSE_HOST="$JC_HOST" "$jc" -f "$work/compose.yaml" -p "$project" up -d >"$work/out" 2>&1 \
  || { cat "$work/out" >&2; exit 1; }
DOCKER_HOST="$DK_HOST" docker-compose -f "$work/compose.yaml" -p "$project" up -d >"$work/out" 2>&1 \
  || { cat "$work/out" >&2; exit 1; }
# docker-compose 1.29 names containers <project>_<service>_1, jcompose <project>-<service>-1
jc_name=$("$docker" -H "$JC_HOST" ps -q --filter "label=com.docker.compose.project=$project")
dk_name=$("$docker" -H "$DK_HOST" ps -q --filter "label=com.docker.compose.project=$project")
for host_name in "$JC_HOST:$jc_name" "$DK_HOST:$dk_name"; do
  h=${host_name%:*} n=${host_name##*:} last=
  for _ in $(seq 1200); do
    last=$("$docker" -H "$h" logs --tail 1 "$n" 2>/dev/null || true)
    [ "$last" = 1000000 ] && break
    sleep 0.5
  done
  [ "$last" = 1000000 ] || { echo "the container on $h did not print 1,000,000 lines (last: $last)" >&2; exit 1; }
done

c_jc_engine() { JCOMPOSE_HOST="$JC_HOST" "$jc" -f "$work/compose.yaml" -p "$project" logs lines; }
c_docker_dockerd() { "$docker" -H "$DK_HOST" logs "$dk_name"; }
c_compose_dockerd() { DOCKER_HOST="$DK_HOST" COMPOSE_HTTP_TIMEOUT=600 docker-compose --no-ansi -f "$work/compose.yaml" -p "$project" logs lines; }
c_docker_engine() { "$docker" -H "$JC_HOST" logs "$jc_name"; }
c_jc_dockerd() { DOCKER_HOST="$DK_HOST" JCOMPOSE_HOST= "$jc" -f "$work/compose.yaml" -p "$project" logs lines; }
clients=${CLIENTS:-"jc_engine docker_dockerd compose_dockerd docker_engine jc_dockerd"}
declare -A label=([jc_engine]="jcompose logs / engine" [docker_dockerd]="docker logs / dockerd"
  [compose_dockerd]="docker-compose logs / dockerd" [docker_engine]="docker logs / engine"
  [jc_dockerd]="jcompose logs / dockerd")
declare -A cg=([jc_engine]=$cg_jc [docker_engine]=$cg_jc [docker_dockerd]=$cg_dk [compose_dockerd]=$cg_dk [jc_dockerd]=$cg_dk)
declare -A walls cpus dcpus lines

# one timed run: wall ms, client CPU s, daemon CPU s appended to the client's lists
run_once() {
  local c=$1 c0 d0 s e d1
  children_cpu; c0=$cpu_s; d0=$(cpu_ns "${cg[$c]}"); s=$(now_ns)
  "c_$c" > "$work/out.$c" 2>&1 || { echo "${label[$c]} failed:" >&2; tail -3 "$work/out.$c" >&2; exit 1; }
  e=$(now_ns); children_cpu; d1=$(cpu_ns "${cg[$c]}")
  walls[$c]+=" $(( (e - s) / 1000000 ))"
  cpus[$c]+=" $(echo "$cpu_s - $c0" | bc)"
  dcpus[$c]+=" $(echo "scale=3; ($d1 - $d0) / 1000000000" | bc)"
  lines[$c]=$(wc -l < "$work/out.$c")
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)   nproc: $(nproc)   runs: $runs (docker-compose: $dc_runs)"
for c in $clients; do "c_$c" >/dev/null 2>&1 || { echo "${label[$c]}: warm-up failed" >&2; exit 1; }; done
for i in $(seq "$runs"); do
  for c in $clients; do
    [ "$c" = compose_dockerd ] && [ "$i" -gt "$dc_runs" ] && continue
    run_once "$c"
  done
done
for c in $clients; do
  printf '%-30s wall %6s ms  client CPU %6s s  daemon CPU %6s s  (%s lines; wall runs:%s)\n' "${label[$c]}" \
    "$(printf '%s\n' ${walls[$c]} | median)" "$(printf '%s\n' ${cpus[$c]} | median)" \
    "$(printf '%s\n' ${dcpus[$c]} | median)" "${lines[$c]}" "${walls[$c]}"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
