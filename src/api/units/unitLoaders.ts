import type { UnitDocument, UnitVersionDocument } from '../../../projections';
import { datedLoader, idLoader, idsOf } from '../shared/datedLoader';
import { viewLoaders } from '../shared/viewLoaders';

/** Per-request loaders of units: a unit and its children on a date, its current document, its history. */
export const unitLoaders = viewLoaders(({ unitQueries: units }) => ({
  on: datedLoader<UnitVersionDocument | undefined>((keys, date) => units.versionsOn(idsOf(keys), date), undefined),
  current: idLoader<UnitDocument | undefined>((ids) => units.current(ids), undefined),
  childrenOn: datedLoader<UnitVersionDocument[]>((keys, date) => units.childrenOn(idsOf(keys), date), []),
  history: idLoader<UnitVersionDocument[]>((ids) => units.history(ids), []),
}));
