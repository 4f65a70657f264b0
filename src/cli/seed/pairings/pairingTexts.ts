import type { PairingKind } from '../../../domain/pairings/pairingKind';
import type { Random } from '../random';

/** Villages and communities around 城关区 that member-lawyers advise (一村一法律顾问), for authentic demo data. */
export const ADVISED_VILLAGES: readonly string[] = [
  '东岗村',
  '青白石村',
  '高庄村',
  '大砂坪村',
  '阳洼山村',
  '段家滩村',
  '罗锅沟村',
  '五星坪村',
  '刘家堡村',
  '骆驼巷村',
];
export const ADVISED_COMMUNITIES: readonly string[] = [
  '雁滩社区',
  '焦家湾社区',
  '拱星墩社区',
  '铁路新村社区',
  '嘉峪关路社区',
  '白银路社区',
  '皋兰路社区',
  '渭源路社区',
  '伏龙坪社区',
  '火车站社区',
  '草场街社区',
  '盐场路社区',
];

const HOUSEHOLD_SURNAMES = [...'王张李刘陈杨赵马何郭魏罗高周汪'];
const HOUSEHOLD_PLACES = ['', '', '东岗镇', '青白石街道', '盐场路街道', '雁北街道', '拱星墩街道'];

/** A household in need as 帮扶 records name it: `困难户王某某家`, sometimes with its street. */
export function householdName(random: Random): string {
  return `${random.pick(HOUSEHOLD_PLACES)}困难户${random.pick(HOUSEHOLD_SURNAMES)}某某家`;
}

const END_REASONS: Record<PairingKind, readonly string[]> = {
  LEGAL_ADVISER: ['聘期届满，工作交接', '律师所工作调整，另行选派法律顾问', '本人工作变动，不再担任法律顾问'],
  MENTOR: ['预备期满，结对培养完成', '结对期满，青年党员已能独立开展工作', '新老结合帮带期满'],
  CONTACT_POINT: ['领导干部职务调整，联系点重新安排'],
  ASSISTANCE: ['该户已稳定脱贫，结对帮扶结束', '帮扶任务完成，转入常态化联系', '本人工作变动，帮扶关系调整'],
};

export function endReason(random: Random, kind: PairingKind): string {
  return random.pick(END_REASONS[kind]);
}
