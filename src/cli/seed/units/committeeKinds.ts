import { chineseNumber } from '../chineseNumber';
import type { Random } from '../random';

/** How a branch's groups are named: shift crews (横班), numbered groups, or teams with a chosen name. */
export type GroupStyle = 'shift' | 'numbered' | 'team';

/**
 * Kinds of committees under the district working committee (DOMAIN.md "Levels of units"), each
 * with the committees and the branches such an organization typically has.
 */
export interface CommitteeKind {
  id: 'bureau' | 'school' | 'enterprise' | 'law' | 'township' | 'hospital';
  committees: readonly string[];
  /** A branch name for this kind: the n-th (from 0) of a committee, drawn without repeats by the caller. */
  branchName(random: Random, n: number): string;
  /** The retiree branch (离退休党支部) such a committee keeps. */
  retireeBranch: string;
  groupStyles: readonly GroupStyle[];
}

/** Takes names from a fixed list in a shuffled order, then numbered ones. */
function fromList(names: readonly string[], numbered: (n: number) => string): (random: Random, n: number) => string {
  return (random, n) => (n < names.length && random.chance(0.85) ? random.pick(names) : numbered(n + 1));
}

const LAW_FIRMS = [
  '金城',
  '正天合',
  '秉正',
  '明德',
  '恒信',
  '华夏',
  '中天',
  '德衡',
  '乾坤',
  '汇智',
  '同济',
  '瑞华',
  '天元',
  '君信',
  '诚和',
  '弘毅',
  '远东',
  '立达',
];
const VILLAGES = ['桃树坪村', '石门沟村', '沙井驿村', '白道坪村', '大浪沟村', '红山根村', '马滩村', '徐家湾村', '焦家湾村', '雁儿湾村'];
const VILLAGE_FAMILIES = [...'张王李刘陈杨赵黄周吴徐孙马朱胡郭何高罗郑魏'];
const VILLAGE_PLACES = [...'湾庄沟坪台河营寨滩岘'];

export const COMMITTEE_KINDS: readonly CommitteeKind[] = [
  {
    id: 'bureau',
    committees: [
      '城关区教育局机关党委',
      '城关区卫生健康局机关党委',
      '城关区财政局机关党委',
      '城关区人力资源和社会保障局机关党委',
      '城关区住房和城乡建设局机关党委',
      '城关区市场监督管理局党委',
      '城关区民政局机关党总支',
      '城关区交通运输局机关党委',
      '城关区自然资源局机关党总支',
      '城关区统计局机关党总支',
      '城关区审计局机关党总支',
      '城关区城市管理综合执法局党委',
    ],
    branchName: fromList(
      [
        '办公室党支部',
        '综合科党支部',
        '政策法规科党支部',
        '财务科党支部',
        '人事科党支部',
        '信息中心党支部',
        '执法一大队党支部',
        '执法二大队党支部',
        '执法三大队党支部',
        '政务服务中心党支部',
        '业务一科党支部',
        '业务二科党支部',
        '窗口服务党支部',
        '档案室党支部',
      ],
      (n) => `机关第${chineseNumber(n)}党支部`,
    ),
    retireeBranch: '离退休干部党支部',
    groupStyles: ['numbered', 'numbered', 'team'],
  },
  {
    id: 'school',
    committees: [
      '城关区第一中学党委',
      '城关区第二中学党总支',
      '城关区第五十六中学党总支',
      '城关区实验小学党总支',
      '城关区职业技术教育中心党委',
      '城关区特殊教育学校党总支',
    ],
    branchName: fromList(
      [
        '语文教研组党支部',
        '数学教研组党支部',
        '外语教研组党支部',
        '理化生教研组党支部',
        '政史地教研组党支部',
        '体艺教研组党支部',
        '行政后勤党支部',
        '高一年级党支部',
        '高二年级党支部',
        '高三年级党支部',
        '2022级机电班学生党支部',
        '2023级护理班学生党支部',
        '2024级会计班学生党支部',
        '2023级计算机班学生党支部',
      ],
      (n) => `教师第${chineseNumber(n)}党支部`,
    ),
    retireeBranch: '离退休教师党支部',
    groupStyles: ['numbered', 'team'],
  },
  {
    id: 'enterprise',
    committees: ['国网城关供电公司运维检修事业部党委', '城关区自来水公司党委', '城关区公交集团党委', '城关区热力公司党委', '城关区城市建设投资集团党委'],
    branchName: fromList(
      [
        '检修车间党支部',
        '运行车间党支部',
        '调度中心党支部',
        '营销服务中心党支部',
        '物资供应站党支部',
        '安全监察部党支部',
        '机关党支部',
        '生产技术部党支部',
        '质检中心党支部',
      ],
      (n) => `${chineseNumber(n)}车间党支部`,
    ),
    retireeBranch: '离退休职工党支部',
    groupStyles: ['shift', 'shift', 'team'],
  },
  {
    id: 'law',
    committees: ['城关区律师行业党委'],
    branchName: fromList(
      LAW_FIRMS.map((firm) => `甘肃${firm}律师事务所党支部`),
      (n) => `律师行业第${chineseNumber(n)}联合党支部`,
    ),
    retireeBranch: '离退休律师党支部',
    groupStyles: ['numbered'],
  },
  {
    id: 'township',
    committees: ['城关区青白石镇党委', '城关区伏龙坪乡党委'],
    branchName: (random, n) =>
      n < VILLAGES.length && random.chance(0.5) ? `${random.pick(VILLAGES)}党支部` : `${random.pick(VILLAGE_FAMILIES)}家${random.pick(VILLAGE_PLACES)}村党支部`,
    retireeBranch: '机关离退休党支部',
    groupStyles: ['numbered', 'team'],
  },
  {
    id: 'hospital',
    committees: ['城关区人民医院党委', '城关区中医医院党总支', '城关区妇幼保健院党总支', '城关区疾病预防控制中心党总支'],
    branchName: fromList(
      [
        '内科党支部',
        '外科党支部',
        '妇产科党支部',
        '儿科党支部',
        '急诊科党支部',
        '护理党支部',
        '医技党支部',
        '药剂科党支部',
        '行政后勤党支部',
        '门诊党支部',
        '公共卫生科党支部',
        '检验科党支部',
      ],
      (n) => `临床第${chineseNumber(n)}党支部`,
    ),
    retireeBranch: '离退休职工党支部',
    groupStyles: ['numbered', 'team'],
  },
];

/** What kind of people a branch has, read off its name: it shapes ages, stages and leaving. */
export type BranchProfile = 'working' | 'student' | 'village' | 'retiree';

export function profileOf(branchName: string): BranchProfile {
  if (branchName.includes('离退休')) return 'retiree';
  if (branchName.includes('学生')) return 'student';
  if (branchName.endsWith('村党支部')) return 'village';
  return 'working';
}
