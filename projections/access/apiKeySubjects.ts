import type { PositionedEvent } from '../../src/domain/events';
import type { ApiKeyEvent } from '../../src/domain/access/apiKey.events';
import type { SubjectRule, SubjectRules } from '../shared/subjectRule';

/** A key is about no member or unit: only ADMIN reads the access log. */
const aboutNoOne: SubjectRule<PositionedEvent<ApiKeyEvent>> = { subjects: () => ({ memberIds: [], unitIds: [] }) };

export const apiKeySubjectRules = { ApiKeyIssued: aboutNoOne, ApiKeyRevoked: aboutNoOne } satisfies SubjectRules<ApiKeyEvent['type']>;
