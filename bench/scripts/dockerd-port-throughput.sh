#!/usr/bin/env bash
# Hand-run benchmark (root): throughput of a 1 GiB transfer on loopback through a published port
# (127.0.0.1::9000), jcompose's engine vs Debian's dockerd (docker-proxy, no iptables), side by side in
# one run (see dockerd-env.sh), plus busybox nc to busybox nc on the host with no container as the
# ceiling. The container sends (`head -c 1GiB /dev/zero | nc -l -p 9000`), the host's busybox nc
# receives; a transfer counts only when every byte arrived. Prints MB/s (median), wall, client CPU
# (user+sys of the host nc) and daemon-side CPU (its cpuacct cgroup: the proxy's cost), load average.
#   bench/scripts/dockerd-port-throughput.sh [RUNS]      (default 3)
runs=${1:-3}
source "$(dirname "$0")/dockerd-env.sh"
bytes=1073741824
exec 3< <(sleep 100000)   # the receiving nc's stdin stays open: busybox nc stops at stdin EOF
holder=$!
trap 'kill $holder 2>/dev/null; bench_cleanup' EXIT

# receive from 127.0.0.1:$1 until the sender closes; prints the byte count
receive() { busybox nc 127.0.0.1 "$1" <&3 | wc -c; }

report() { # name walls(ms, space-separated) client_cpu_s daemon_ns
  local med; med=$(printf '%s\n' $2 | median)
  echo "$1: 1 GiB median $(echo "scale=1; $bytes / 1048576 / ($med / 1000)" | bc) MiB/s ($med ms) over $runs runs" \
    "| client CPU $(echo "scale=2; $3 / $runs" | bc) s/run | daemon CPU $(echo "scale=2; $4 / $runs / 1000000000" | bc) s/run" \
    "| runs (ms): $2"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
walls=""; children_cpu; c0=$cpu_s
for _ in $(seq "$runs"); do
  (head -c "$bytes" /dev/zero | busybox nc -l -p 39871) & sender=$!
  for _ in $(seq 100); do [ "$(busybox netstat -ltn 2>/dev/null | grep -c ':39871 ')" -gt 0 ] && break; sleep 0.05; done
  s=$(now_ns); got=$(receive 39871); e=$(now_ns); wait "$sender"
  [ "$got" = "$bytes" ] || { echo "host: got $got of $bytes bytes" >&2; exit 1; }
  walls="$walls $(( (e - s) / 1000000 ))"
done
children_cpu; report "host nc->nc (no container)" "$walls" "$(echo "$cpu_s - $c0" | bc)" 0

for target in jcompose:"$JC_HOST":"$cg_jc" dockerd:"$DK_HOST":"$cg_dk"; do
  name=${target%%:*}; rest=${target#*:}; cg=${rest##*:}; host=${rest%:*}
  walls=""; client=0; daemon=0
  for _ in $(seq "$runs"); do
    id=$("$docker" -H "$host" run -d --network jcbench -p 127.0.0.1::9000 bench/busybox:1 \
      sh -c "while true; do head -c $bytes /dev/zero | nc -l -p 9000; done")
    port=$("$docker" -H "$host" port "$id" 9000/tcp | head -1); port=${port##*:}
    for attempt in $(seq 100); do   # until the listener in the container is up: a refused try is short
      children_cpu; c0=$cpu_s; d0=$(cpu_ns "$cg")
      s=$(now_ns); got=$(receive "$port"); e=$(now_ns)
      children_cpu; d1=$(cpu_ns "$cg")
      [ "$got" = "$bytes" ] && break
      [ "$got" = 0 ] || { echo "$name: got $got of $bytes bytes" >&2; exit 1; }
      sleep 0.1
    done
    [ "$got" = "$bytes" ] || { echo "$name: nothing arrived through 127.0.0.1:$port" >&2; exit 1; }
    walls="$walls $(( (e - s) / 1000000 ))"
    client=$(echo "$client + $cpu_s - $c0" | bc); daemon=$(( daemon + d1 - d0 ))
    "$docker" -H "$host" rm -f "$id" >/dev/null
  done
  report "$name (published port)" "$walls" "$client" "$daemon"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
