import type { QuerySet } from '../../app/queries/querySet';
import type { ReadView } from './readView';

/**
 * A feature's DataLoaders over one view's read models, made the first time a resolver asks for
 * them in that view. Views belong to one request, so lookups batch and cache within a request
 * (as DataLoader wants), and each feature owns its loaders without a central list of them.
 */
export function viewLoaders<L>(create: (queries: QuerySet) => L): (view: ReadView) => L {
  const made = new WeakMap<ReadView, L>();
  return (view) => {
    let loaders = made.get(view);
    if (loaders === undefined) {
      loaders = create(view);
      made.set(view, loaders);
    }
    return loaders;
  };
}
