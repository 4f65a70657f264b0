import type { AwardTitle } from '../../../domain/awards/awardTitle';
import type { Random } from '../random';

/** Citations and revocation reasons as committees write them, for authentic demo data. */
const CITATIONS: Record<Exclude<AwardTitle, 'OTHER'>, readonly string[]> = {
  OUTSTANDING_MEMBER: [
    '在疫情防控一线冲锋在前，发挥了先锋模范作用',
    '立足岗位、爱岗敬业，带头攻克技术难题',
    '长期坚持结对帮扶困难群众，群众口碑好',
    '在防汛抢险中表现突出',
  ],
  OUTSTANDING_PARTY_WORKER: ['认真落实“三会一课”制度，党务工作规范扎实', '推进党小组积分管理，组织生活质量明显提升', '党费收缴足额及时，台账清晰'],
  ADVANCED_GRASSROOTS_ORGANIZATION: ['支部建设标准化规范化成效显著', '主题党日活动扎实开展，党建引领业务发展', '党员发展和教育管理工作成绩突出'],
  RED_FLAG_GROUP: ['本季度积分管理综合得分位列第一', '本季度服务中心工作成效突出，积分领先', '组织生活和联系群众得分名列前茅'],
};

export const OTHER_UNIT_TITLE = '五星级党支部';

const REVOCATION_REASONS: readonly string[] = ['受到党纪处分，撤销荣誉称号', '经复核，推荐材料与事实不符', '本人违反廉洁纪律，撤销表彰'];

export function citationFor(random: Random, title: AwardTitle): string {
  return title === 'OTHER' ? '党支部星级评定达到五星标准' : random.pick(CITATIONS[title]);
}

export function revocationReason(random: Random): string {
  return random.pick(REVOCATION_REASONS);
}
