/** One problem in the seed files, located by file, line, entry id and field. */
export interface SeedIssue {
  file: string;
  line?: number | undefined;
  entry?: string | undefined;
  field?: string | undefined;
  message: string;
}

/** Formats an issue as `file:line entry "id" field f: message`, the way editors link it. */
export function formatSeedIssue(i: SeedIssue): string {
  const where = i.line ? `${i.file}:${i.line}` : i.file;
  const entry = i.entry ? ` entry "${i.entry}"` : '';
  const field = i.field ? ` field ${i.field}` : '';
  return `${where}${entry}${field}: ${i.message}`;
}

/** Thrown when the dataset is invalid; nothing is loaded when it is. */
export class SeedValidationError extends Error {
  constructor(readonly issues: SeedIssue[]) {
    const shown = issues.slice(0, 50).map(formatSeedIssue);
    const more = issues.length > shown.length ? `\n… and ${issues.length - shown.length} more` : '';
    super(`The seed files have ${issues.length} problem(s); nothing was loaded:\n${shown.join('\n')}${more}`);
    this.name = 'SeedValidationError';
  }
}
