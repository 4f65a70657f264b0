import { randomUUID } from 'node:crypto';
import type { Collection, Document, ReadStore } from '../../src/readstore/readStore';

export type OpenReadStore = () => Promise<ReadStore>;

/** What each contract test works with: the store under test and collections no other test uses. */
export interface ReadStoreFixture {
  store(): ReadStore;
  /** A collection with a fresh name, so tests also hold on a shared server that holds other data. */
  collection<T extends Document = Document>(): Collection<T>;
}

export function uniqueCollectionName(): string {
  return `t${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/** Ids of documents in sorted order, for answers whose order the query does not fix. */
export function idsOf(documents: readonly { _id: string }[]): string[] {
  return documents.map((document) => document._id).sort();
}

/** Ids in the order given, for answers whose order the query fixes. */
export function orderOf(documents: readonly { _id: string }[]): string[] {
  return documents.map((document) => document._id);
}

export const people: Document[] = [
  { _id: 'p1', name: 'Ada', age: 36, city: 'London', tags: ['math', 'poetry'], address: { city: 'London', zip: 'N1' }, score: 10 },
  { _id: 'p2', name: 'Bo', age: 25, city: 'Paris', tags: ['art'], address: { city: 'Paris', zip: '75001' }, score: null },
  { _id: 'p3', name: 'Cy', age: 41, tags: [], address: { city: 'London' } },
  { _id: 'p4', name: 'Di', age: 25, city: 'Berlin', tags: ['math'], address: { city: 'Berlin', zip: '10115' }, score: 7 },
];

export async function withPeople(fixture: ReadStoreFixture): Promise<Collection> {
  const collection = fixture.collection();
  for (const person of people) await collection.insertOne(person);
  return collection;
}

export async function withDocument(fixture: ReadStoreFixture, document: Document): Promise<Collection> {
  const collection = fixture.collection();
  await collection.insertOne(document);
  return collection;
}
