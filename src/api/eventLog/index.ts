import type { ApiFeature } from '../shared/apiFeature';
import { eventLogAccess } from './eventLog.access';
import { EventResolver } from './event.resolver';

export const eventLogApi: ApiFeature = {
  resolvers: [EventResolver],
  access: eventLogAccess,
};
