import { defineAggregate } from '../aggregate';
import { apiKeyDecider } from './apiKey.decide';
import { apiKeyEventTypes, apiKeyStream, type ApiKeyEvent } from './apiKey.events';

export const apiKeyAggregate = defineAggregate({
  category: 'apiKey',
  eventTypes: apiKeyEventTypes,
  streamId: apiKeyStream,
  idOf: (event: ApiKeyEvent) => event.data.name,
  decider: apiKeyDecider,
});
