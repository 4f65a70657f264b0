import { PILOT_EVERY } from './planMeetings';
import type { Organization, PlannedBranch } from '../units/planOrganization';

/** The branches of the committees that keep their organizational life in orgtrack (the meetings planner's pilot). */
export function pilotBranches(organization: Organization): PlannedBranch[] {
  const pilots = new Set(organization.committees.filter((_, index) => index % PILOT_EVERY === 0).map((committee) => committee.key));
  return organization.branches.filter((branch) => pilots.has(branch.committee));
}
