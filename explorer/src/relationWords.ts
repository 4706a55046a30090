/**
 * The words a link is shown with: the document's own verb phrase (`predicate`, Knowledge v2)
 * when curated, else the relationship type; the role, title, time span and status after it.
 */
export interface RelationExtra {
  type: string;
  role?: string | null;
  note?: string | null;
  predicate?: string | null;
  since?: string | null;
  until?: string | null;
  status?: string | null;
  title?: string | null;
}

/** The Knowledge v2 fields of Relation, GraphEdge and PathStep (schema.graphql). */
export const RELATION_EXTRA_FIELDS = 'predicate since until status title';

export function relationWords(r: RelationExtra): string {
  const base = r.predicate ? `“${r.predicate}”` : r.type.replace(/_/g, ' ').toLowerCase();
  const parts = [base];
  if (r.title) parts.push(`as ${r.title}`);
  if (r.role) parts.push(`(${r.role})`);
  const span = timeSpan(r);
  if (span) parts.push(span);
  if (r.status === 'former' && !r.until) parts.push('(former)');
  if (r.note) parts.push(`— ${r.note}`);
  return parts.join(' ');
}

/** "since 2024-12", "until 2025-03", "2012 – 2024-12". */
export function timeSpan(r: Pick<RelationExtra, 'since' | 'until'>): string {
  if (r.since && r.until) return `${r.since} – ${r.until}`;
  if (r.since) return `since ${r.since}`;
  if (r.until) return `until ${r.until}`;
  return '';
}
