#!/usr/bin/env bash
# `bash scripts/measureExports.sh [DIR]`: the export figures of docs/analyst.md — each format written
# by `npm run export` (wall time of the command, and the export's own report: rows, bytes, ms), then
# read back by the real readers: networkx (GraphML, GEXF 1.3, also as of the days around the later
# revision), Python's csv module (events) and the FtM schema model (FtM lines). Uses NEO4J_URI/USER/
# PASSWORD when set, else the local Neo4j, as `npm run export` does. The neo4j-admin round trip
# (import into an empty database, counts and checksum) is tests/int/export/exports.test.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-$(mktemp -d)}"
mkdir -p "$dir"

timed() { # name, then the export arguments
  local name=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  npm run -s export -- "$@" 2>"$dir/$name.log"
  t1=$(date +%s%N)
  printf '%s: %s s wall; %s\n' "$name" "$(awk -v n=$((t1 - t0)) 'BEGIN { printf "%.1f", n / 1e9 }')" "$(paste -sd' ' "$dir/$name.log")"
}

echo "## npm run export (whole graph) into $dir"
for f in graphml gexf events ftm; do timed "$f" "$f" --out "$dir/all.$f"; done
timed neo4j neo4j --out-dir "$dir/neo4j"
timed gexf-2025-03-31 gexf --as-of 2025-03-31 --out "$dir/march.gexf"
timed gexf-2025-04-01 gexf --as-of 2025-04-01 --out "$dir/april.gexf"

echo "## read back"
for g in graphml:all.graphml gexf:all.gexf gexf:march.gexf gexf:april.gexf; do
  python3 tests/support/readGraph.py "${g%%:*}" "$dir/${g#*:}" >"$dir/read.json"
  python3 scripts/readExports.py graph "$dir/read.json" "${g#*:}"
done
python3 scripts/readExports.py events "$dir/all.events"
npx tsx scripts/validateFtm.ts "$dir/all.ftm"
