/**
 * GraphML (http://graphml.graphdrawing.org/): one directed graph, entities as nodes, links as edges,
 * every attribute declared as a <key>. Streamed through xmlbuilder2's callback builder.
 */
import { createCB } from 'xmlbuilder2';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edgeValues, nodeValues } from './attributes.js';
import type { ExportData } from './model.js';
import type { Sink } from './sink.js';

const NS = 'http://graphml.graphdrawing.org/xmlns';

/** Writes the selection as GraphML; returns the node and edge counts. */
export async function writeGraphml(data: ExportData, sink: Sink): Promise<{ nodes: number; relationships: number }> {
  const xml = createCB({ data: (chunk: string) => sink.push(chunk), prettyPrint: true });
  xml.dec({ version: '1.0', encoding: 'UTF-8' });
  xml.ele(NS, 'graphml');
  for (const a of NODE_ATTRIBUTES) xml.ele('key', { id: `n_${a.id}`, for: 'node', 'attr.name': a.id, 'attr.type': a.type }).up();
  for (const a of EDGE_ATTRIBUTES) xml.ele('key', { id: `e_${a.id}`, for: 'edge', 'attr.name': a.id, 'attr.type': a.type }).up();
  xml.ele('graph', { id: 'clashgraph', edgedefault: 'directed' });
  const nodes = await data.nodes(async (n) => {
    xml.ele('node', { id: String(n.props.id) });
    for (const [k, v] of nodeValues(n)) xml.ele('data', { key: `n_${k}` }).txt(v).up();
    xml.up();
    await sink.flush();
  });
  const relationships = await data.relationships(async (r) => {
    xml.ele('edge', { id: String(r.props.id), source: r.from, target: r.to });
    for (const [k, v] of edgeValues(r)) xml.ele('data', { key: `e_${k}` }).txt(v).up();
    xml.up();
    await sink.flush();
  });
  xml.up().up().end();
  await sink.flush(true);
  return { nodes, relationships };
}
