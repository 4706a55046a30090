"""Reads a GraphML or GEXF file with networkx (Debian's python3-networkx) and prints, as JSON, what
the export tests compare: node and edge counts, and every node's and edge's attributes.

networkx reads GEXF 1.1draft and 1.2draft; 1.3 keeps their elements (nodes, edges, attvalues,
start/end) under a new namespace, so the 1.2draft reader is registered for the 1.3 namespace.
Usage: python3 readGraph.py graphml|gexf FILE
"""
import json
import sys

import networkx as nx
from networkx.readwrite import gexf

kind, path = sys.argv[1], sys.argv[2]
if kind == "gexf":
    v13 = dict(gexf.GEXF.versions["1.2draft"])
    v13.update({
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    })
    gexf.GEXF.versions["1.3"] = v13
    g = nx.read_gexf(path, version="1.3")
else:
    g = nx.read_graphml(path)
print(json.dumps({
    "directed": g.is_directed(),
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "nodeData": {str(n): {k: str(v) for k, v in d.items()} for n, d in g.nodes(data=True)},
    "edgeData": [{**{k: str(v) for k, v in d.items()}, "source": str(a), "target": str(b)} for a, b, d in g.edges(data=True)],
}))
