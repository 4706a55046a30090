/**
 * The attribute columns of the graph formats (GraphML, GEXF): declared before the first node, so
 * they are a fixed list rather than discovered while streaming. Lists are joined with " | ";
 * `citations` is the row's citations as JSON ([{source, quote}]), so every node and edge keeps them.
 */
import { citationsOf, kindOf, text, type ExportNode, type ExportRelationship } from './model.js';

export interface Attribute {
  id: string;
  type: 'string' | 'boolean';
}

export const NODE_ATTRIBUTES: Attribute[] = [
  'kind', 'name', 'aliases', 'description', 'certainty', 'claimedBy', 'groupType', 'placeType', 'roles',
  'eventType', 'subEventType', 'start', 'end', 'startDate', 'endDate', 'datePrecision', 'placePrecision',
  'knownFrom', 'knownIn', 'citations',
].map((id): Attribute => ({ id, type: 'string' })).concat([{ id: 'unnamed', type: 'boolean' }]);

export const EDGE_ATTRIBUTES: Attribute[] = [
  'type', 'date', 'certainty', 'claimedBy', 'role', 'note', 'event', 'predicate', 'since', 'until', 'status',
  'title', 'knownFrom', 'knownIn', 'citations',
].map((id): Attribute => ({ id, type: 'string' }));

/** A node's attribute values (only those it has). */
export function nodeValues(n: ExportNode): [string, string][] {
  const out: [string, string][] = [];
  for (const a of NODE_ATTRIBUTES) {
    let v: string;
    if (a.id === 'kind') v = kindOf(n);
    else if (a.id === 'citations') v = JSON.stringify(citationsOf(n.props));
    else if (a.id === 'unnamed') v = n.props.unnamed === true ? 'true' : 'false';
    else v = text(n.props[a.id]);
    if (v !== '') out.push([a.id, v]);
  }
  return out;
}

/** A relationship's attribute values (only those it has). */
export function edgeValues(r: ExportRelationship): [string, string][] {
  const out: [string, string][] = [];
  for (const a of EDGE_ATTRIBUTES) {
    const v = a.id === 'type' ? r.type : a.id === 'citations' ? JSON.stringify(citationsOf(r.props)) : text(r.props[a.id]);
    if (v !== '') out.push([a.id, v]);
  }
  return out;
}
