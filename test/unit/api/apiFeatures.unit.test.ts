import fs from 'node:fs';
import path from 'node:path';
import { apiFeatures, apiResolvers } from '../../../src/api/features';

const API = path.join(__dirname, '../../../src/api');

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(file) : [file];
  });
}

/** What a module exports, as values. */
function exportsOf(file: string): unknown[] {
  const loaded: unknown = require(file);
  return typeof loaded === 'object' && loaded !== null ? Object.values(loaded) : [];
}

const relative = (file: string): string => path.relative(API, file);

describe('src/api/features.ts, the one list of API features', () => {
  it('brings every resolver class of src/api into the schema (a feature folder left out of the list fails here)', () => {
    const listed = new Set<unknown>(apiResolvers());
    const resolverFiles = filesUnder(API).filter((file) => file.endsWith('.resolver.ts'));
    expect(resolverFiles.length).toBeGreaterThan(0);
    const missing = resolverFiles.flatMap((file) =>
      exportsOf(file)
        .filter((value): value is { name: string } => typeof value === 'function' && !listed.has(value))
        .map((resolver) => `${relative(file)}: ${resolver.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('lists each resolver class once', () => {
    const resolvers = apiResolvers();
    expect(new Set(resolvers).size).toBe(resolvers.length);
  });

  it('has one entry per feature folder, exported by its index.ts', () => {
    const folders = fs
      .readdirSync(API, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
      .map((entry) => path.join(API, entry.name));
    const fromIndexes = folders.flatMap((folder) => exportsOf(path.join(folder, 'index.ts')));
    expect(fromIndexes).toHaveLength(folders.length);
    expect(new Set(fromIndexes)).toEqual(new Set(apiFeatures));
  });
});
