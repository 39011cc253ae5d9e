"""Reads claimgraph's exports with the real readers and prints what they found, as JSON.

Run by tests/readers/exportReaders.test.ts with Debian's /usr/bin/python3:
    read_exports.py FOLDER EDGE_KEY
FOLDER holds claimgraph.gexf (dynamic), claimgraph.static.gexf, claimgraph.graphml,
claimgraph.json, claimgraph.nodes.csv and claimgraph.edges.csv; EDGE_KEY names one edge
whose claims and spells are reported. Each reading is the code README's "Use it from
Python" shows: NetworkX's read_gexf / read_graphml, pandas' read_csv, igraph's
Read_GraphML (igraph reads no GEXF: it takes NetworkX's graph with from_networkx).
Keep the readings here and README's lines the same.
"""
import collections
import json
import sys

import igraph as ig
import networkx as nx
import pandas as pd


def nx_from_json(path):
    """graphology's SerializedGraph (claimgraph.json) as a NetworkX multigraph."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.MultiDiGraph()
    for node in data["nodes"]:
        g.add_node(node["key"], **node["attributes"])
    for edge in data["edges"]:
        g.add_edge(edge["source"], edge["target"], key=edge["key"], **edge["attributes"])
    return g


def nx_from_csv(nodes_path, edges_path):
    """nodes.csv and edges.csv, read with pandas, as a NetworkX multigraph (README's lines)."""
    nodes = pd.read_csv(nodes_path, keep_default_na=False, na_values=[""])
    edges = pd.read_csv(edges_path, keep_default_na=False, na_values=[""])
    edges["claims"] = edges["claims"].map(json.loads)
    g = nx.from_pandas_edgelist(
        edges, "source", "target", edge_attr=True, create_using=nx.MultiDiGraph, edge_key="id"
    )
    g.add_nodes_from((row["id"], row.dropna().to_dict()) for _, row in nodes.iterrows())
    return g


def ig_from_csv(nodes_path, edges_path):
    nodes = pd.read_csv(nodes_path, keep_default_na=False, na_values=[""])
    edges = pd.read_csv(edges_path, keep_default_na=False, na_values=[""])
    # igraph takes the first two columns as the ends.
    ends_first = ["source", "target"] + [c for c in edges.columns if c not in ("source", "target")]
    return ig.Graph.DataFrame(edges[ends_first], directed=True, vertices=nodes, use_vids=False)


def ig_from_json(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    vertices = [{"name": n["key"], **n["attributes"]} for n in data["nodes"]]
    edges = [{"source": e["source"], "target": e["target"], "key": e["key"], **e["attributes"]} for e in data["edges"]]
    return ig.Graph.DictList(vertices, edges, directed=True, vertex_name_attr="name")


def claims_of(value):
    """The claims attribute: a JSON string in the flat formats, a list in claimgraph.json."""
    return json.loads(value) if isinstance(value, str) else value


def summary_nx(g, edge_key):
    # read_gexf and read_graphml give a simple graph when no two edges join the same ends.
    if g.is_multigraph():
        edges = list(g.edges(keys=True, data=True))
    else:
        edges = [(u, v, d.get("id"), d) for u, v, d in g.edges(data=True)]
    probe = [d for _, _, k, d in edges if k == edge_key or d.get("id") == edge_key]
    degrees = [d["degree"] for _, d in g.nodes(data=True)]
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "directed": g.is_directed(),
        "undirectedRelations": sum(1 for *_, d in edges if not d["directed"]),
        "nodeTypes": dict(collections.Counter(d["type"] for _, d in g.nodes(data=True))),
        "edgeTypes": dict(collections.Counter(d["type"] for *_, d in edges)),
        "statuses": dict(collections.Counter(d["status"] for *_, d in edges)),
        "degreeTypes": sorted({type(v).__name__ for v in degrees}),
        "degreeSum": sum(degrees),
        "weightSum": sum(d["weight"] for *_, d in edges) if all("weight" in d for *_, d in edges) else None,
        "claims": sum(len(claims_of(d["claims"])) for *_, d in edges),
        "probe": [
            {
                "quotes": [c.get("quote") for c in claims_of(d["claims"])],
                "records": [c.get("record", {}).get("id") for c in claims_of(d["claims"])],
                "directed": d["directed"],
                "claimCount": d["claimCount"],
                "weight": d.get("weight"),
                "spells": d.get("spells"),
            }
            for d in probe
        ],
    }


def summary_ig(g, edge_key):
    ids = g.es["key"] if "key" in g.es.attributes() else g.es["id"]
    probe = [e for e, key in zip(g.es, ids) if key == edge_key]
    return {
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "directed": g.is_directed(),
        "undirectedRelations": sum(1 for v in g.es["directed"] if not v),
        "nodeTypes": dict(collections.Counter(g.vs["type"])),
        "statuses": dict(collections.Counter(g.es["status"])),
        "degreeTypes": sorted({type(v).__name__ for v in g.vs["degree"]}),
        "degreeSum": sum(g.vs["degree"]),
        "claims": sum(len(claims_of(c)) for c in g.es["claims"]),
        "probe": [[c.get("quote") for c in claims_of(e["claims"])] for e in probe],
    }


def main(folder, edge_key):
    path = lambda name: f"{folder}/claimgraph.{name}"
    nx_graphs = {
        "gexf": nx.read_gexf(path("gexf")),
        "static.gexf": nx.read_gexf(path("static.gexf")),
        "graphml": nx.read_graphml(path("graphml")),
        "json": nx_from_json(path("json")),
        "csv": nx_from_csv(path("nodes.csv"), path("edges.csv")),
    }
    ig_graphs = {
        "gexf": ig.Graph.from_networkx(nx_graphs["gexf"]),
        "graphml": ig.Graph.Read_GraphML(path("graphml")),
        "json": ig_from_json(path("json")),
        "csv": ig_from_csv(path("nodes.csv"), path("edges.csv")),
    }
    print(
        json.dumps(
            {
                "networkx": {name: summary_nx(g, edge_key) for name, g in nx_graphs.items()},
                "igraph": {name: summary_ig(g, edge_key) for name, g in ig_graphs.items()},
            },
            sort_keys=True,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
