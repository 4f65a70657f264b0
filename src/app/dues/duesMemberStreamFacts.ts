import type { BranchSpan, DuesMember } from '../../domain/dues/dues.commands';
import { currentMember } from '../members/memberHistory';
import type { MemberStreamFacts } from '../members/memberStreamFacts';

/** The member facts dues are decided on, from the member's own stream. */
export class DuesMemberStreamFacts {
  constructor(private readonly memberStreamFacts: MemberStreamFacts) {}

  /** The member's whole recorded life and every branch they belonged to; null when no member has this id. */
  async member(memberId: string): Promise<DuesMember | null> {
    const history = await this.memberStreamFacts.history(memberId);
    if (history === null) return null;
    const branches: BranchSpan[] = [];
    for (const { effectiveDate, member } of history.steps) {
      if (branches[branches.length - 1]?.branchId !== member.branchId) branches.push({ from: effectiveDate, branchId: member.branchId });
    }
    const { name, registeredOn, joinedOn, leftOn } = currentMember(history);
    return { memberId, name, registeredOn, joinedOn, leftOn, branches };
  }
}
