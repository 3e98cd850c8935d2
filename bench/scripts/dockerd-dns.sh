#!/usr/bin/env bash
# Hand-run benchmark (root): the embedded DNS of jcompose's engine vs Debian's dockerd, side by side in
# one run (see dockerd-env.sh). On each daemon a target and a client container on the user network
# jcbench; dnsperf (Debian) runs in the client's network namespace (nsenter -n) and asks the target's
# container name (A), at the server the client's resolv.conf names (jcompose: the network's gateway;
# dockerd: 127.0.0.11). Per daemon: a 3 s warm-up (not counted), then for each offered rate (-Q; 0 =
# as fast as answers come, dnsperf's 100 outstanding) one run: q/s, lost queries, p50/p99/p99.9
# from dnsperf's per-answer latencies (-v; dnsperf 2.10 prints only mean and stddev itself), the
# daemon's CPU (its cpuacct cgroup; also per answer, which a busy machine stretches far less than q/s),
# dnsperf's CPU (user+sys), the load average.
#   bench/scripts/dockerd-dns.sh [SECONDS] [RATES] [DAEMONS]
#   defaults: 10 "20000 40000 60000 0" "jcompose dockerd"
# The -v output costs dnsperf CPU: at saturation the q/s is a little below a run without it.
seconds=${1:-10}
rates=${2:-"20000 40000 60000 0"}
daemons=${3:-"jcompose dockerd"}
source "$(dirname "$0")/dockerd-env.sh"
command -v dnsperf >/dev/null || { echo "needs dnsperf (apt-get install dnsperf)" >&2; exit 2; }
echo 'dnsb-target A' > "$work/queries.txt"

# one dnsperf run: name pid server cgroup rate secs -> a result line on stdout
run_dnsperf() {
  local name=$1 pid=$2 server=$3 cg=$4 rate=$5 secs=$6 q=() d0 d1 c0 out load
  [ "$rate" -gt 0 ] && q=(-Q "$rate")
  load=$(cut -d' ' -f1 /proc/loadavg)
  children_cpu; c0=$cpu_s; d0=$(cpu_ns "$cg")
  nsenter -t "$pid" -n dnsperf -s "$server" -d "$work/queries.txt" -l "$secs" -c 8 -T 2 "${q[@]}" -v \
    > "$work/dnsperf.out" 2>&1
  children_cpu; d1=$(cpu_ns "$cg")
  # "> NOERROR dnsb-target A 0.000123": the last field is the latency in seconds
  awk '/^> /{print $NF * 1000000}' "$work/dnsperf.out" | sort -n > "$work/lat.txt"
  out=$(awk -v name="$name" -v rate="$rate" -v secs="$secs" '
    {a[NR]=$1}
    END {
      if (NR == 0) { print name ": no answers"; exit }
      printf "%-9s %-6s %8.0f q/s  p50 %6.0f us  p99 %6.0f us  p99.9 %6.0f us", name, (rate > 0 ? rate : "max"),
        NR / secs, a[int(NR * 0.5) + 1], a[int(NR * 0.99) + 1], a[int(NR * 0.999) + 1]
    }' "$work/lat.txt")
  local lost; lost=$(grep -o 'Queries lost: *[0-9]*' "$work/dnsperf.out" | grep -o '[0-9]*$')
  local answered; answered=$(wc -l < "$work/lat.txt")
  printf '%s  lost %s  daemon CPU %.2f s (%.1f us/answer)  dnsperf CPU %.2f s  load %s\n' "$out" "${lost:-?}" \
    "$(echo "($d1 - $d0) / 1000000000" | bc -l)" "$(echo "($d1 - $d0) / 1000 / ($answered + ($answered == 0))" | bc -l)" \
    "$(echo "$cpu_s - $c0" | bc -l)" "$load"
}

for name in $daemons; do
  case $name in
    jcompose) host=$JC_HOST cg=$cg_jc ;;
    dockerd) host=$DK_HOST cg=$cg_dk ;;
    *) echo "unknown daemon $name" >&2; exit 2 ;;
  esac
  "$docker" -H "$host" run -d --name dnsb-target --network jcbench bench/busybox:1 sleep 100000 >/dev/null
  "$docker" -H "$host" run -d --name dnsb-client --network jcbench bench/busybox:1 sleep 100000 >/dev/null
  pid=$("$docker" -H "$host" inspect --format '{{.State.Pid}}' dnsb-client)
  server=$(awk '$1 == "nameserver" {print $2; exit}' "/proc/$pid/root/etc/resolv.conf")
  echo "$name: dnsperf in the client's netns against $server (from its resolv.conf)"
  run_dnsperf "$name" "$pid" "$server" "$cg" 0 3 > /dev/null   # warm-up
  for rate in $rates; do
    run_dnsperf "$name" "$pid" "$server" "$cg" "$rate" "$seconds"
  done
  "$docker" -H "$host" rm -f dnsb-target dnsb-client >/dev/null
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
