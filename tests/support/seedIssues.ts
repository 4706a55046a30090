/** What seed validation says of a dataset folder: its issues, or [] when it reads cleanly. */
import { readDataset, SeedValidationError, type SeedIssue } from '../../src/seed/index.js';

export async function seedIssues(dir: string): Promise<SeedIssue[]> {
  try {
    await readDataset(dir);
  } catch (err) {
    if (err instanceof SeedValidationError) return err.issues;
    throw err;
  }
  return [];
}
