import { PastIndex } from '../../../src/readstore/embedded/history/pastIndex';

describe('PastIndex (the keys of past versions, by the epochs they stood in)', () => {
  // Given versions of m1 in B1 during epochs 0–2, of m2 in B1 during 3–4, of m1 in B1 again during 5, of m3 in B2 (an array field) during 1–5.
  function index(): PastIndex {
    const past = new PastIndex({ keys: { branch: 1 } });
    past.add({ _id: 'm1', branch: 'B1' }, -1, 3);
    past.add({ _id: 'm2', branch: 'B1' }, 3, 5);
    past.add({ _id: 'm1', branch: 'B1' }, 5, 6);
    past.add({ _id: 'm3', branch: ['B2', 'B2', 'B3'] }, 1, 6);
    return past;
  }

  it('lists only the versions standing at the end of the epoch asked for', () => {
    const past = index();
    expect(past.idsAt(['B1'], 0)).toEqual(['m1']);
    expect(past.idsAt(['B1'], 2)).toEqual(['m1']);
    // Replaced by a write of epoch 3: no longer standing at its end.
    expect(past.idsAt(['B1'], 3)).toEqual(['m2']);
    expect(past.idsAt(['B1'], 5)).toEqual(['m1']);
    expect(past.idsAt(['B1'], 6)).toEqual([]);
    expect(past.idsAt(['B2', 'B3'], 0)).toEqual([]);
    // An array holding a key twice lists the version once per key.
    expect(past.idsAt(['B2', 'B3'], 4)).toEqual(['m3', 'm3']);
    expect(past.count(['B1', 'B2'])).toBe(4);
  });
});
