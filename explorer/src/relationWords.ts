/**
 * The words a link is shown with. Knowledge v2 relations carry the document's own verb phrase
 * (`predicate`), a time span (`since`/`until`), `status` and `title`; older ones fall back to
 * the relationship type, the role or the note.
 */
export interface RelationExtra {
  role?: string | null;
  note?: string | null;
  type: string;
  direction?: string;
}

/** Extra relation fields to ask for (none before Knowledge v2 lands in schema.graphql). */
export const RELATION_EXTRA_FIELDS = '';

export function relationWords(r: RelationExtra): string {
  const base = r.type.replace(/_/g, ' ').toLowerCase();
  const parts = [r.role ? `${base} (${r.role})` : base];
  if (r.note) parts.push(`— ${r.note}`);
  return parts.join(' ');
}
