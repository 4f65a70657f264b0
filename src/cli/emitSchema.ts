import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildOrgtrackSchema } from '../api/schema';

export const SCHEMA_FILE = path.join('schema', 'schema.graphql');

/** The SDL clients and codegen read: sorted, so that diffs show real changes only. */
export async function printOrgtrackSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildOrgtrackSchema()))}\n`;
}

/** `orgtrack emit-schema`: writes schema/schema.graphql. */
export async function emitSchema(file = SCHEMA_FILE): Promise<void> {
  fs.writeFileSync(file, await printOrgtrackSchema());
}
