import fc from 'fast-check';
import { Query } from 'mingo';
import { CompiledQueries } from '../../src/readstore/embedded/compiledQueries';
import { EmbeddedReadStore } from '../../src/readstore/embedded/embeddedReadStore';
import { compileNativeFilter, NO, UNDECIDED, YES, type Verdict } from '../../src/readstore/embedded/nativeMatcher';
import { cloneValue } from '../../src/readstore/embedded/values';
import type { Document, Filter } from '../../src/readstore/readStore';
import { idsOf } from './readStoreKit';

/** What mingo, the reference, says. */
function mingoMatches(filter: Filter, document: Record<string, unknown>): boolean {
  return new Query(cloneValue(filter) as Filter).test(cloneValue(document) as Record<string, unknown>);
}

function nativeVerdict(filter: Filter, document: Record<string, unknown>): Verdict {
  const predicate = compileNativeFilter(filter);
  if (predicate === undefined) throw new Error(`not natively matched: ${JSON.stringify(filter)}`);
  return predicate(document as Document);
}

function matcherMatches(filter: Filter, document: Record<string, unknown>): boolean {
  return new CompiledQueries(() => []).matcher(filter).test(document as Document);
}

// -----------------------------------------------------------------------------------------------
// Random documents and filters

const fields = ['a', 'b', 'c'];
/** Few distinct values, so that random filters and documents often meet. */
const scalar = fc.constantFrom<string | number | boolean | null>('', 'a', 'b', 'B', 'ab', 0, -0, 1, 2, -1.5, true, false, null);
/** Values the native matcher leaves to mingo. */
const unmodeled = fc.constantFrom<unknown>(NaN, new Date(0), new Date(1), { k: 1 }, {}, [1], [], undefined, /a/);
const fieldValue = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 3, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: unmodeled },
  { weight: 1, arbitrary: fc.array(fc.oneof(scalar, unmodeled), { minLength: 1, maxLength: 3 }) },
);
const document = fc.dictionary(fc.constantFrom(...fields), fieldValue, { maxKeys: fields.length });

const rangeBound = fc.constantFrom<string | number>('', 'a', 'ab', 'b', 'B', 0, -0, 1, 2, -1.5);
const operatorCondition = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom('$eq', '$ne'), scalar),
      fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), rangeBound),
      fc.tuple(fc.constantFrom('$in', '$nin'), fc.array(scalar, { maxLength: 3 })),
      fc.tuple(fc.constant('$exists'), fc.boolean()),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((pairs) => Object.fromEntries(pairs) as Filter);
const fieldCondition = fc.oneof({ weight: 1, arbitrary: scalar }, { weight: 3, arbitrary: operatorCondition });

/** Filters of the natively matched subset, `$and`/`$or`/`$nor` nested, empty lists included. */
const fieldConditions = fc.dictionary(fc.constantFrom(...fields), fieldCondition, { maxKeys: 3 });
const { filter: supportedFilter } = fc.letrec<{ filter: Filter }>((tie) => ({
  filter: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'filter' },
    fieldConditions,
    fc
      .tuple(
        fieldConditions,
        fc.dictionary(fc.constantFrom('$and', '$or', '$nor'), fc.array(tie('filter'), { maxLength: 3 }), {
          minKeys: 1,
          maxKeys: 2,
        }),
      )
      .map(([conditions, logical]): Filter => ({ ...conditions, ...logical })),
  ),
}));

// -----------------------------------------------------------------------------------------------

describe('native matching of simple filters', () => {
  it('for any supported filter and any document, a decided native verdict is mingo’s answer, and the matcher always is', () => {
    const seen = { [YES]: 0, [NO]: 0, [UNDECIDED]: 0 };
    fc.assert(
      fc.property(supportedFilter, fc.array(document, { minLength: 1, maxLength: 8 }), (filter, documents) => {
        for (const doc of documents) {
          const expected = mingoMatches(filter, doc);
          const verdict = nativeVerdict(filter, doc);
          seen[verdict]++;
          if (verdict !== UNDECIDED) expect({ filter, doc, matches: verdict === YES }).toEqual({ filter, doc, matches: expected });
          expect({ filter, doc, matches: matcherMatches(filter, doc) }).toEqual({ filter, doc, matches: expected });
        }
      }),
      { numRuns: 2500 },
    );
    // Not vacuous: both answers come up often, and the fallback to mingo is exercised.
    const total = seen[YES] + seen[NO] + seen[UNDECIDED];
    expect(seen[YES]).toBeGreaterThan(total / 10);
    expect(seen[NO]).toBeGreaterThan(total / 10);
    expect(seen[UNDECIDED]).toBeGreaterThan(0);
    expect(seen[UNDECIDED]).toBeLessThan(total / 4);
  });

  it('for any supported filter, an indexed and an unindexed store find what mingo matches', async () => {
    const withId = fc.dictionary(fc.constantFrom('_id', ...fields), fieldCondition, { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(supportedFilter, withId), fc.array(document, { maxLength: 10 }), async (filter, contents) => {
        const documents = contents.map((content, i) => ({ ...content, _id: `d${i}` }));
        const expected = documents.filter((doc) => mingoMatches(filter, doc)).map((doc) => doc._id);
        const store = new EmbeddedReadStore();
        const indexed = store.collection('indexed');
        const plain = store.collection('plain');
        await indexed.createIndex({ keys: { a: 1 } });
        await indexed.createIndex({ keys: { b: 1 } });
        for (const collection of [indexed, plain]) {
          for (const doc of documents) await collection.insertOne(doc);
          expect({ filter, found: idsOf(await collection.find(filter)) }).toEqual({ filter, found: expected });
          expect(await collection.countDocuments(filter)).toBe(expected.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  describe('gives mingo’s answers on the tricky cases', () => {
    const cases: [string, Filter, Record<string, unknown>[], Record<string, unknown>[]][] = [
      // [name, filter, documents it matches, documents it does not]
      [
        'null matches null, missing, undefined, and arrays holding null',
        { a: null },
        [{ a: null }, {}, { a: undefined }, { a: [1, null] }],
        [{ a: [] }, { a: [1] }, { a: 0 }, { a: '' }, { a: false }],
      ],
      ['$eq null likewise', { a: { $eq: null } }, [{ a: null }, {}, { a: [null] }], [{ a: [] }, { a: 'null' }]],
      ['$ne null: present, not null, no null inside', { a: { $ne: null } }, [{ a: [] }, { a: 0 }, { a: [1] }], [{}, { a: null }, { a: [1, null] }]],
      ['equality reaches into arrays', { a: 1 }, [{ a: 1 }, { a: [2, 1] }, { a: [1] }], [{ a: [2] }, { a: '1' }, { a: true }, { a: [] }]],
      ['0 equals -0', { a: -0 }, [{ a: 0 }, { a: [0] }], [{ a: false }, { a: '' }, { a: null }]],
      ['$ne on arrays: no element equal', { a: { $ne: 1 } }, [{ a: [2, 3] }, { a: [] }, {}, { a: null }, { a: '1' }], [{ a: [1, 2] }, { a: 1 }]],
      [
        '$in with null matches missing and arrays holding null',
        { a: { $in: ['x', null] } },
        [{}, { a: null }, { a: ['y', null] }, { a: 'x' }],
        [{ a: [] }, { a: 'y' }],
      ],
      ['an empty $in matches nothing', { a: { $in: [] } }, [], [{}, { a: null }, { a: [] }, { a: 1 }]],
      ['an empty $nin matches everything', { a: { $nin: [] } }, [{}, { a: null }, { a: [] }, { a: 1 }], []],
      ['$nin is the negation of $in', { a: { $nin: [1, null] } }, [{ a: [] }, { a: [2] }, { a: 2 }], [{}, { a: null }, { a: [2, 1] }, { a: [null] }]],
      [
        'a numeric range skips strings, booleans, null and missing',
        { a: { $gt: 1 } },
        [{ a: 2 }, { a: ['5', 0, 2] }],
        [{ a: '5' }, { a: true }, { a: null }, {}, { a: [] }, { a: ['9'] }],
      ],
      [
        'a string range skips numbers',
        { a: { $lt: 'b' } },
        [{ a: 'a' }, { a: '' }, { a: 'B' }, { a: [3, 'a'] }],
        [{ a: 1 }, { a: null }, {}, { a: true }, { a: 'b' }],
      ],
      ['ranges on one field hold for some element each', { a: { $gt: 1, $lt: 3 } }, [{ a: 2 }, { a: [0, 5] }], [{ a: 3 }, { a: [0, 1] }]],
      ['$exists: true includes null, not undefined', { a: { $exists: true } }, [{ a: null }, { a: [] }, { a: 0 }], [{}, { a: undefined }]],
      ['$exists: false', { a: { $exists: false } }, [{}, { a: undefined }], [{ a: null }, { a: false }]],
      ['an empty $and matches everything', { $and: [] }, [{}], []],
      ['an empty $or matches nothing', { $or: [] }, [], [{}]],
      ['an empty $nor matches everything', { $nor: [] }, [{}], []],
      ['$nor of equalities', { $nor: [{ a: 1 }, { b: null }] }, [{ a: 2, b: 0 }], [{ a: [1], b: 0 }, { a: 2 }]],
      [
        'the filter of a dated read',
        datedFilter('2026-11-22'),
        [
          { branchId: 'b1', validFrom: '2026-01-01', validTo: null, status: 'FULL' },
          { branchId: 'b2', validFrom: '2026-11-22', validTo: '2027-01-01', status: 'PROBATIONARY' },
          { branchId: 'b1', validFrom: '2026-01-01', status: 'FULL' },
        ],
        [
          { branchId: 'b1', validFrom: '2026-11-23', validTo: null, status: 'FULL' },
          { branchId: 'b1', validFrom: '2026-01-01', validTo: '2026-11-22', status: 'FULL' },
          { branchId: 'b3', validFrom: '2026-01-01', validTo: null, status: 'FULL' },
          { branchId: 'b1', validFrom: '2026-01-01', validTo: null, status: 'LAPSED' },
        ],
      ],
    ];
    it.each(cases)('%s', (_name, filter, matching, failing) => {
      for (const doc of matching) {
        expect({ doc, mingo: mingoMatches(filter, doc) }).toEqual({ doc, mingo: true });
        expect({ doc, native: nativeVerdict(filter, doc) }).toEqual({ doc, native: YES });
        expect(matcherMatches(filter, doc)).toBe(true);
      }
      for (const doc of failing) {
        expect({ doc, mingo: mingoMatches(filter, doc) }).toEqual({ doc, mingo: false });
        expect({ doc, native: nativeVerdict(filter, doc) }).toEqual({ doc, native: NO });
        expect(matcherMatches(filter, doc)).toBe(false);
      }
    });
  });

  describe('leaves to mingo a document holding a value it does not model', () => {
    const cases: [string, Filter, Record<string, unknown>, boolean][] = [
      // [name, filter, document, mingo's answer]
      ['NaN, which mingo ranks equal to every number', { a: { $lte: 5 } }, { a: NaN }, true],
      ['NaN against equality', { a: 5 }, { a: NaN }, false],
      ['an array inside an array', { a: 1 }, { a: [[1]] }, false],
      ['an object inside an array', { a: { $in: [1] } }, { a: [{ k: 1 }] }, false],
      ['a Date', { a: { $gt: 1 } }, { a: new Date(5) }, false],
      ['an object', { a: { $ne: 1 } }, { a: { b: 1 } }, true],
      ['undefined inside an array', { a: null }, { a: [undefined] }, false],
    ];
    it.each(cases)('%s', (_name, filter, doc, expected) => {
      expect(mingoMatches(filter, doc)).toBe(expected);
      expect(nativeVerdict(filter, doc)).toBe(UNDECIDED);
      expect(matcherMatches(filter, doc)).toBe(expected);
    });

    it('unless the rest of the filter settles it', () => {
      expect(nativeVerdict({ a: 1, b: 2 }, { a: { k: 1 }, b: 3 })).toBe(NO);
      expect(nativeVerdict({ $or: [{ a: 1 }, { b: 2 }] }, { a: { k: 1 }, b: 2 })).toBe(YES);
      expect(nativeVerdict({ $nor: [{ a: 1 }, { b: 2 }] }, { a: { k: 1 }, b: 2 })).toBe(NO);
      expect(nativeVerdict({ a: { $in: [1] } }, { a: [{ k: 1 }, 1] })).toBe(YES);
    });
  });

  it('leaves to mingo any filter outside the subset', () => {
    const unsupported: Filter[] = [
      { 'a.b': 1 },
      { a: /x/ },
      { a: { $regex: 'x' } },
      { a: { b: 1 } },
      { a: {} },
      { a: [1] },
      { a: new Date(0) },
      { a: { $eq: [1] } },
      { a: { $eq: { b: 1 } } },
      { a: { $gte: null } },
      { a: { $lt: true } },
      { a: { $gt: new Date(0) } },
      { a: NaN },
      { a: { $in: [NaN] } },
      { a: undefined },
      { a: { $in: [1, [2]] } },
      { a: { $in: [/x/] } },
      // A hole, which mingo would read as undefined.
      { a: { $in: [, 1] } },
      { a: { $in: 1 } },
      { a: { $exists: 1 } },
      { a: { $not: { $eq: 1 } } },
      { a: { $elemMatch: { $eq: 1 } } },
      { a: { $size: 1 } },
      { a: { $type: 'string' } },
      { a: { $eq: 1, b: 1 } },
      { $expr: { $eq: ['$a', 1] } },
      { $where: 'true' },
      { $and: {} },
      { $or: [{ a: 1 }, { 'a.b': 1 }] },
      { $nor: [1] },
      { constructor: 1 },
      { toString: { $exists: true } },
      { $x: 1 },
    ];
    for (const filter of unsupported) expect({ filter, native: compileNativeFilter(filter) }).toEqual({ filter, native: undefined });
    expect(new CompiledQueries(() => []).matcher({ 'a.b': 1 })).toBeInstanceOf(Query);
    expect(new CompiledQueries(() => []).matcher(datedFilter('2026-11-22'))).not.toBeInstanceOf(Query);
  });
});

function datedFilter(date: string): Filter {
  return {
    branchId: { $in: ['b1', 'b2'] },
    validFrom: { $lte: date },
    $or: [{ validTo: null }, { validTo: { $gt: date } }],
    status: { $in: ['FULL', 'PROBATIONARY'] },
  };
}
