import type { UnitVersionDocument } from '../../../projections';

/** Whether a unit, as one version of it stood, was `root` or below it. */
export function versionWithin(version: Pick<UnitVersionDocument, 'unitId' | 'ancestors'>, root: string): boolean {
  return version.unitId === root || version.ancestors.includes(root);
}
