#!/usr/bin/env bash
# The fan-out comparison, Parley against Janus 1.1.2 on the same machine, from a fresh clone:
#   bench/fanout.sh            N = 100, 500, 1000, 2000, 5000 (each server stops early past 1 % loss)
#   bench/fanout.sh --quick    N = 100, 500 with a shorter window, for iteration
#   bench/fanout.sh --shared   nothing pinned: server and load generator share both cores (the
#                              DESIGN.md §5 listener target; Parley's fan-out then uses 2 threads)
# Parley runs as a user runs it: the real server (src/Parley.Server, Release) in its own process,
# peers signaled through its room hub (JoinRoom + ConnectMedia). --signaling sfuhost measures the
# bare MediaServer in bench/Parley.SfuHost instead.
# Extra arguments go to the load generator (e.g. --servers parley, --window 30, --signaling sfuhost).
# The server runs pinned to CPU 1, the load generator to CPU 0; results land in bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

counts=(100 500 1000 2000 5000)
window=20
shared=0
extra=()
for arg in "$@"; do
  case "$arg" in
    --quick) counts=(100 500); window=10 ;;
    --shared) shared=1 ;;
    *) extra+=("$arg") ;;
  esac
done

if ! command -v janus >/dev/null; then
  echo "Installing Janus from Debian…"
  apt-get update && apt-get install -y janus
fi
# A packaged Janus service would take the same ports; without systemd (a sandbox) there is none.
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemctl disable --now janus 2>/dev/null || true
fi

results=bench/results
if [ "$shared" = 1 ]; then results=bench/results/shared; fi
mkdir -p "$results"
bench/janus/make-config.sh "$PWD/$results/janus-conf"

dotnet build src/Parley.Server -c Release -v q -nologo
dotnet build bench/Parley.SfuHost -c Release -v q -nologo
dotnet build bench/Parley.LoadGen -c Release -v q -nologo

# Thousands of listener sockets, and as many Janus handles.
ulimit -n "$(ulimit -Hn)" || true

cpus=$(nproc)
server_cpu=1; loadgen_cpu=0
if [ "$cpus" -lt 2 ]; then server_cpu=0; fi
if [ "$shared" = 1 ]; then server_cpu="0-$((cpus - 1))"; loadgen_cpu="0-$((cpus - 1))"; fi

loadgen_pid=""
cleanup() {
  # Only what this script started, by PID (the load generator stops its server processes itself).
  if [ -n "$loadgen_pid" ] && kill -0 "$loadgen_pid" 2>/dev/null; then
    kill "$loadgen_pid" 2>/dev/null || true
    wait "$loadgen_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

taskset -c "$loadgen_cpu" dotnet bench/Parley.LoadGen/bin/Release/net10.0/Parley.LoadGen.dll \
  --server-cpus "$server_cpu" --window "$window" --listeners "${counts[@]}" \
  --server src/Parley.Server/bin/Release/net10.0/Parley.Server.dll \
  --sfuhost bench/Parley.SfuHost/bin/Release/net10.0/Parley.SfuHost.dll \
  --janus-config "$results/janus-conf" --results "$results" "${extra[@]}" &
loadgen_pid=$!
wait "$loadgen_pid"
loadgen_pid=""
echo "Table: $results/results.md  Plot: $results/fanout.png"
