import { defineAggregate } from '../aggregate';
import { appraisalDecider } from './appraisal.decide';
import { appraisalEventTypes, appraisalStream, type AppraisalEvent } from './appraisal.events';

export const appraisalAggregate = defineAggregate({
  category: 'appraisal',
  eventTypes: appraisalEventTypes,
  streamId: appraisalStream,
  idOf: (event: AppraisalEvent) => event.data.memberId,
  decider: appraisalDecider,
});
