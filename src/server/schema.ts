/** The contract: schema.graphql at the repository root, read once at start-up. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** schema.graphql in this checkout. */
export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../schema.graphql');

/** The schema's SDL text. */
export function loadTypeDefs(file: string = SCHEMA_FILE): string {
  return readFileSync(file, 'utf8');
}
