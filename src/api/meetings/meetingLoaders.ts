import type { MeetingDocument } from '../../../projections';
import { idLoader } from '../shared/datedLoader';
import { viewLoaders } from '../shared/viewLoaders';

/** Per-request loaders of meetings. */
export const meetingLoaders = viewLoaders(({ meetingQueries: meetings }) => ({
  meetingById: idLoader<MeetingDocument | undefined>((ids) => meetings.byIds(ids), undefined),
}));
