/** Cytoscape styles: kinds coloured as in Neo4j Browser's style.grass, hedged links dashed. */
import type { StylesheetJson } from 'cytoscape';
import { KIND_COLOURS } from './kinds.js';

// Relationship colours from cypher/browser/style.grass (violence red, leadership blue, places cyan).
export const EDGE_COLOURS: Record<string, string> = {
  AMBUSHED: '#eb2728',
  ATTACKED: '#eb2728',
  KILLED: '#8b0000',
  KIDNAPPED: '#c0392b',
  CAPTURED_IN: '#f36924',
  LED_BY: '#2870c2',
  LOCATED_IN: '#23b3d7',
  OCCURRED_IN: '#23b3d7',
  POSSIBLY_SAME_AS: '#d7a013',
};

export function graphStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': '#A5ABB6',
        'border-width': 2,
        'border-color': '#9AA1AC',
        label: 'data(label)',
        'font-size': 10,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        color: '#1f2328',
        width: 26,
        height: 26,
        'min-zoomed-font-size': 7, // a dense, zoomed-out drawing drops labels rather than smear them
      },
    },
    ...Object.entries(KIND_COLOURS).map(([kind, c]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': c.fill, 'border-color': c.border },
    })),
    { selector: 'node[distance = 0]', style: { width: 40, height: 40, 'font-weight': 'bold', 'font-size': 12 } },
    // A hub the neighbourhood did not walk through: a double ring and "(hub)" in its label.
    { selector: 'node[?collapsed]', style: { 'border-style': 'double', 'border-width': 6, 'border-color': '#2A2C34', shape: 'round-octagon' } },
    { selector: 'node[?expanded]', style: { 'border-color': '#2A2C34', 'border-width': 3 } },
    { selector: 'node:selected', style: { 'overlay-color': '#ffd400', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': '#A5ABB6',
        'target-arrow-color': '#A5ABB6',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 8,
        color: '#555',
        'text-rotation': 'autorotate',
        'min-zoomed-font-size': 9,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
      },
    },
    ...Object.entries(EDGE_COLOURS).map(([type, colour]) => ({
      selector: `edge[type = "${type}"]`,
      style: { 'line-color': colour, 'target-arrow-color': colour, width: 2.4 },
    })),
    // Hedged links (reported, claimed, alleged, disputed) are dashed; stated ones solid.
    { selector: 'edge[?hedged]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 3] } },
    { selector: 'edge:selected', style: { width: 4, 'overlay-color': '#ffd400', 'overlay-opacity': 0.35 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}
