import type { ApiFeature } from '../shared/apiFeature';
import { EventResolver } from './event.resolver';

export const eventLogApi: ApiFeature = {
  resolvers: [EventResolver],
};
