/**
 * Colours and icons per kind, the same as Neo4j Browser's style (cypher/browser/style.grass), so
 * the explorer and the Browser read alike; ACLED event-type colours for the timeline.
 */
import { s } from './dom.js';

export const KIND_COLOURS: Record<string, { fill: string; border: string; text: string }> = {
  Person: { fill: '#F79767', border: '#f36924', text: '#2A2C34' },
  Group: { fill: '#4C8EDA', border: '#2870c2', text: '#FFFFFF' },
  Place: { fill: '#57C7E3', border: '#23b3d7', text: '#2A2C34' },
  Event: { fill: '#F16667', border: '#eb2728', text: '#FFFFFF' },
};
export const KINDS = Object.keys(KIND_COLOURS);

export function kindColour(kind: string) {
  return KIND_COLOURS[kind] ?? { fill: '#A5ABB6', border: '#9AA1AC', text: '#2A2C34' };
}

// 16×16 pictograms: a person, three people, a map pin, a burst.
const ICON_PATHS: Record<string, string> = {
  Person: 'M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-5 7c0-3 2.2-5 5-5s5 2 5 5z',
  Group: 'M5 7a2.2 2.2 0 1 0 0-4.4A2.2 2.2 0 0 0 5 7zm6 0a2.2 2.2 0 1 0 0-4.4A2.2 2.2 0 0 0 11 7zM1 14c0-2.6 1.8-4.5 4-4.5s4 1.9 4 4.5zm6.5 0c.2-1.6-.3-3-1.2-4 .9-.3 1.8-.5 2.7-.5 2.2 0 4 1.9 4 4.5z',
  Place: 'M8 1a5 5 0 0 0-5 5c0 3.6 5 9 5 9s5-5.4 5-9a5 5 0 0 0-5-5zm0 7a2 2 0 1 1 0-4 2 2 0 0 1 0 4z',
  Event: 'M8 1l1.8 4.2L14 4l-2 4 3 2.5-4.3.6L10 15 8 11.6 6 15l-.7-3.9L1 10.5 4 8 2 4l4.2 1.2z',
};

/** The kind's icon as an inline SVG, coloured like its nodes; `title` names the kind. */
export function kindIcon(kind: string): SVGSVGElement {
  const c = kindColour(kind);
  const svg = s('svg', { viewBox: '0 0 16 16', width: 18, height: 18, class: 'kind-icon', role: 'img', 'aria-label': kind },
    s('title', {}, kind),
    s('path', { d: ICON_PATHS[kind] ?? 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2z', fill: c.fill, stroke: c.border, 'stroke-width': 0.8 }),
  );
  return svg;
}

export const ACLED_COLOURS: Record<string, string> = {
  Battles: '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  Protests: '#2980b9',
  Riots: '#16a085',
  'Strategic developments': '#7f8c8d',
  Conflict: '#34495e',
};

export function acledColour(type: string | null | undefined): string {
  return (type && ACLED_COLOURS[type]) || '#95a5a6';
}

/** Hedged links (anything the document does not state itself) are drawn dashed. */
export function isHedged(certainty: string): boolean {
  return certainty !== 'stated';
}
