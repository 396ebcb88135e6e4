#!/usr/bin/env bash
# Starts N twin nodes on loopback as one Pekko cluster over the PostgreSQL named by TWIN_PG_URL (and TWIN_PG_USER,
# TWIN_PG_PASSWORD), prints their HTTP and management ports, and stops them all on Ctrl-C. A node that dies (crash,
# kill -9) is reported and the survivors keep running: the cluster fails over (docs/operations.md "Crash drill").
#
#   TWIN_PG_URL=jdbc:postgresql://localhost:5432/twin TWIN_PG_USER=twin scripts/start-local-cluster.sh 3
#
# Every node is a seed node (node 1 first), so a restarted node joins the survivors instead of forming a second
# cluster. Each node's command is written to $TWIN_LOG_DIR/node-K.sh: run it again to restart a node after a drill.
# Node 1 runs the built-in simulation (TWIN_SIMULATION_NODE=0 runs none, =k runs it on node k).
# Every node has the roles api and entities unless TWIN_ENTITIES_ONLY=k makes the last k nodes entities-only (no
# HTTP API). Ports: artery 25520+i, HTTP 8080+i, Pekko Management 7626+i (i from 0); override the bases with
# TWIN_BASE_REMOTE_PORT, TWIN_BASE_HTTP_PORT, TWIN_BASE_MANAGEMENT_PORT. Logs go to ${TWIN_LOG_DIR:-cluster-logs}.
set -euo pipefail

n="${1:-3}"
if ! [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 N   (number of nodes, >= 1)" >&2
  exit 2
fi
: "${TWIN_PG_URL:?set TWIN_PG_URL, e.g. jdbc:postgresql://localhost:5432/twin}"
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${TWIN_JAR:-$root/api/target/twin.jar}"
if [[ ! -f "$jar" ]]; then
  echo "no $jar: build it first with: mvn -q -DskipTests package" >&2
  exit 2
fi
remote="${TWIN_BASE_REMOTE_PORT:-25520}"
http="${TWIN_BASE_HTTP_PORT:-8080}"
mgmt="${TWIN_BASE_MANAGEMENT_PORT:-7626}"
sim_node="${TWIN_SIMULATION_NODE:-1}"
entities_only="${TWIN_ENTITIES_ONLY:-0}"
logs="${TWIN_LOG_DIR:-cluster-logs}"
mkdir -p "$logs"

pids=()
stop() {
  trap - INT TERM EXIT
  if ((${#pids[@]})); then
    echo "stopping ${#pids[@]} nodes (coordinated shutdown: shards are handed off) ..."
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop INT TERM EXIT

seeds=()
for ((i = 0; i < n; i++)); do seeds+=("-Dpekko.cluster.seed-nodes.$i=pekko://ssb-twin@127.0.0.1:$((remote + i))"); done
# compact object headers (JDK 24+, product flag from 25) take ~8 % off every resident pack entity; JDK 17 lacks them
default_opts="-Xmx1g -XX:+UseStringDeduplication"
if java -XX:+UseCompactObjectHeaders -version >/dev/null 2>&1; then default_opts="$default_opts -XX:+UseCompactObjectHeaders"; fi
for ((i = 0; i < n; i++)); do
  node=$((i + 1))
  roles="api,entities"
  if ((node > n - entities_only)); then roles="entities"; fi
  simulation=false
  if ((node == sim_node)); then simulation=true; fi
  # the node's command as a script of its own (PostgreSQL settings from this shell's environment), to restart it
  cat >"$logs/node-$node.sh" <<NODE
#!/usr/bin/env bash
# node $node of scripts/start-local-cluster.sh; appends to its log
TWIN_DATABASE=postgres TWIN_SIMULATION=$simulation TWIN_CLUSTER_ROLES=$roles TWIN_CLUSTER_MANAGEMENT=on \\
  TWIN_REMOTE_HOST=127.0.0.1 TWIN_REMOTE_PORT=$((remote + i)) \\
  exec java ${TWIN_JAVA_OPTS:-$default_opts} ${seeds[*]} \\
    -Dpekko.management.http.hostname=127.0.0.1 -Dpekko.management.http.port=$((mgmt + i)) \\
    -jar "$jar" serve --port $((http + i)) --data-dir "$logs/node-$node" >>"$logs/node-$node.log" 2>&1
NODE
  chmod +x "$logs/node-$node.sh"
  : >"$logs/node-$node.log"
  "$logs/node-$node.sh" &
  pids+=($!)
  if [[ "$roles" == *api* ]]; then api="http://127.0.0.1:$((http + i))/api/v1"; else api="(no HTTP API)"; fi
  printf 'node %d  pid %-7d roles %-13s simulation %-5s  api %s  management http://127.0.0.1:%d  remote %d  log %s\n' \
    "$node" "$!" "$roles" "$simulation" "$api" $((mgmt + i)) $((remote + i)) "$logs/node-$node.log"
  # the first seed node first, so that it forms the cluster the others join
  if ((i == 0)); then sleep 3; fi
done
echo "cluster members: curl http://127.0.0.1:${mgmt}/cluster/members   -- Ctrl-C stops all nodes"
echo "crash drill: kill -9 <pid of a node>; the others fail over; restart it with $logs/node-K.sh &"
# a node that dies is reported; the survivors keep running until Ctrl-C (or until every node has exited)
alive=("${pids[@]}")
while ((${#alive[@]})); do
  wait -n "${alive[@]}" 2>/dev/null || true
  still=()
  for ((j = 0; j < ${#pids[@]}; j++)); do
    pid="${pids[$j]}"
    if kill -0 "$pid" 2>/dev/null; then
      still+=("$pid")
    elif [[ " ${alive[*]} " == *" $pid "* ]]; then
      echo "$(date -u +%H:%M:%S) node $((j + 1)) (pid $pid) exited; the survivors keep running (restart it: $logs/node-$((j + 1)).sh &)"
    fi
  done
  alive=("${still[@]+"${still[@]}"}")
done
echo "every node has exited"
