import type { LeaveReason } from '../../../domain/members/memberStatus';
import type { BranchProfile } from '../units/committeeKinds';
import type { Random } from '../random';

/** The reasons and notes people write on transfer letters and leaving records. */

const TRANSFER_REASONS: Record<BranchProfile, readonly string[]> = {
  working: ['工作调动', '岗位交流', '因工作需要调整组织关系', '挂职锻炼期满返回', '随迁家属', '干部下沉基层党支部'],
  retiree: ['随子女迁居', '居住地变更，就近参加组织生活'],
  student: ['毕业分配', '升学', '转专业', '毕业后到基层工作'],
  village: ['外出务工，就近参加组织生活', '工作调动', '村改居后调整组织关系'],
};

export const RETIREMENT_REASON = '退休，转入离退休党支部';

const REJECTION_REASONS = ['组织关系介绍信信息有误，请核实后重新开具', '材料不全，请补充党员档案', '接收单位不符，请转往实际工作单位党支部', '介绍信抬头有误'];

const LEAVE_NOTES: Record<LeaveReason, readonly string[]> = {
  DIED: ['因病逝世', '病故', '因意外事故逝世'],
  WITHDREW: ['本人申请退出'],
  EXPELLED: ['经支部大会讨论决定开除党籍'],
  OTHER: ['组织关系转出至区外', '毕业后组织关系转往外省', '出国定居，停止党籍', '组织关系转往县委组织部'],
};

export const transferReason = (random: Random, profile: BranchProfile): string => random.pick(TRANSFER_REASONS[profile]);
export const rejectionReason = (random: Random): string => random.pick(REJECTION_REASONS);
export const leaveNote = (random: Random, reason: LeaveReason): string => random.pick(LEAVE_NOTES[reason]);
