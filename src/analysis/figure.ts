/**
 * A figure some document reports, as far as counting it goes: the one shape the API's claim model
 * (`ClaimModel`, src/resolvers/model.ts) and the casualty aggregates (`AggClaim`,
 * src/analysis/casualties.ts) share, so the aggregates read the very claims the API answers with.
 */
export interface ClaimFigure {
  id: string;
  /** civilians | security_forces | insurgents | combatants | mixed | unspecified. */
  victims: string;
  value: number | null;
  low: number | null;
  high: number | null;
  /** exact | at_least | more_than | about | at_most | range. */
  qualifier: string;
  /** The day, month or year the figure is as of (YYYY[-MM[-DD]]), if known. */
  asOf: string | null;
  /** The document reporting it. */
  sourceId: string | null;
  /** Who claims it; null when the document states it itself. */
  claimedById: string | null;
}
