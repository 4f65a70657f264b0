import type { MeetingQueries } from '../../app/meetings/meetingQueries';
import type { MeetingDocument } from '../../../projections';
import { idLoader } from '../shared/datedLoader';

/** Per-request loaders of meetings. */
export function createMeetingLoaders(meetings: MeetingQueries) {
  return {
    meetingById: idLoader<MeetingDocument | undefined>((ids) => meetings.byIds(ids), undefined),
  };
}

export type MeetingLoaders = ReturnType<typeof createMeetingLoaders>;
