"""Reads exports back with the real readers and prints what docs/analyst.md quotes.
Usage: python3 scripts/readExports.py graph FILE.json NAME   (the JSON of tests/support/readGraph.py)
       python3 scripts/readExports.py events FILE.csv
"""
import csv
import json
import sys

kind = sys.argv[1]
if kind == "graph":
    g = json.load(open(sys.argv[2]))
    rows = list(g["nodeData"].values()) + list(g["edgeData"])
    cites = lambda x: json.loads(x.get("citations") or "[]")
    docs = sorted({c["source"] for x in rows for c in cites(x)})
    events = [n for n in g["nodeData"].values() if n.get("kind") == "Event"]
    timed = sum(1 for n in events if n.get("start") and n.get("end"))
    print(f"networkx {sys.argv[3]}: directed={g['directed']} nodes={g['nodes']} edges={g['edges']}"
          f" with citations={sum(1 for x in rows if cites(x))}/{len(rows)} documents cited={','.join(docs)}"
          f" events with start/end={timed}/{len(events)}")
else:
    rows = list(csv.DictReader(open(sys.argv[2], newline="")))
    amb = next(r for r in rows if r["event_id"] == "khirbet-al-mazah-ambush-2024-12-25")
    quoting = sum(1 for r in rows if "\u201c" in r["notes"])
    print(f"csv events: rows={len(rows)} columns={len(rows[0])} rows quoting a document={quoting}"
          f" Khirbet al-Ma'zah ambush fatalities low/best/high="
          f"{amb['fatalities_low']}/{amb['fatalities_best']}/{amb['fatalities_high']}")
