import type { ReadModelFeature } from '../shared/readModelFeature';
import { apiKeySubjectRules } from './apiKeySubjects';
import { apiKeysProjection } from './apiKeys.projection';

/** The access feature's read models: the API keys issued and revoked. */
export const accessReadModels = {
  projections: [apiKeysProjection],
  subjectRules: apiKeySubjectRules,
} satisfies ReadModelFeature;

export { apiKeysProjection };
export { API_KEYS, type ApiKeyDocument } from './apiKeys.documents';
