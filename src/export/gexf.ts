/**
 * GEXF 1.3 (https://gexf.net/): a dynamic directed graph for Gephi, whose timeline shows each event
 * from its start to its end day and each link on its date (or from `since` to `until`); entities
 * without dates are always shown. Attributes as <attributes> columns. Streamed like GraphML.
 */
import { createCB } from 'xmlbuilder2';
import { dateBounds } from '../seed/toGraphRows.js';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edgeValues, nodeValues } from './attributes.js';
import type { ExportData, ExportRelationship } from './model.js';
import type { Sink } from './sink.js';

const NS = 'http://gexf.net/1.3';
const PARTIAL = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** [start, end] days of a link: since/until when given, else its date, else none. */
function spell(r: ExportRelationship): { start?: string; end?: string } {
  const since = typeof r.props.since === 'string' && PARTIAL.test(r.props.since) ? dateBounds(r.props.since).first : undefined;
  const until = typeof r.props.until === 'string' && PARTIAL.test(r.props.until) ? dateBounds(r.props.until).last : undefined;
  if (since || until) return { ...(since ? { start: since } : {}), ...(until ? { end: until } : {}) };
  if (typeof r.props.date === 'string' && PARTIAL.test(r.props.date)) {
    const b = dateBounds(r.props.date);
    return { start: b.first, end: b.last };
  }
  return {};
}

/** Writes the selection as GEXF 1.3; returns the node and edge counts. */
export async function writeGexf(data: ExportData, sink: Sink): Promise<{ nodes: number; relationships: number }> {
  const xml = createCB({ data: (chunk: string) => sink.push(chunk), prettyPrint: true });
  xml.dec({ version: '1.0', encoding: 'UTF-8' });
  xml.ele(NS, 'gexf', { version: '1.3' });
  xml.ele('meta').ele('creator').txt('clashgraph').up().ele('description').txt('Western Syria clashes: entities and links, every one cited').up().up();
  xml.ele('graph', { mode: 'dynamic', defaultedgetype: 'directed', timeformat: 'date' });
  xml.ele('attributes', { class: 'node', mode: 'static' });
  NODE_ATTRIBUTES.forEach((a) => xml.ele('attribute', { id: `n_${a.id}`, title: a.id, type: a.type }).up());
  xml.up();
  xml.ele('attributes', { class: 'edge', mode: 'static' });
  EDGE_ATTRIBUTES.forEach((a) => xml.ele('attribute', { id: `e_${a.id}`, title: a.id, type: a.type }).up());
  xml.up();
  xml.ele('nodes');
  const nodes = await data.nodes(async (n) => {
    const dates = typeof n.props.startDate === 'string' ? { start: n.props.startDate, end: String(n.props.endDate ?? n.props.startDate) } : {};
    xml.ele('node', { id: String(n.props.id), label: String(n.props.name ?? n.props.id), ...dates });
    xml.ele('attvalues');
    for (const [k, v] of nodeValues(n)) xml.ele('attvalue', { for: `n_${k}`, value: v }).up();
    xml.up().up();
    await sink.flush();
  });
  xml.up();
  xml.ele('edges');
  const relationships = await data.relationships(async (r) => {
    xml.ele('edge', { id: String(r.props.id), source: r.from, target: r.to, label: r.type, ...spell(r) });
    xml.ele('attvalues');
    for (const [k, v] of edgeValues(r)) xml.ele('attvalue', { for: `e_${k}`, value: v }).up();
    xml.up().up();
    await sink.flush();
  });
  xml.up().up().up().end();
  await sink.flush(true);
  return { nodes, relationships };
}
