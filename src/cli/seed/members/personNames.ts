import type { Random } from '../random';

/**
 * Chinese personal names: a surname weighted by how common it is, then a one- or two-character
 * given name in the taste of the person's generation (建国 and 秀英 for the older, 梓轩 and 欣怡
 * for the younger).
 */

/** Roughly in order of frequency; earlier ones are drawn more often. */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '令狐', '皇甫'];

interface GivenNames {
  /** Whole given names people of the generation commonly had. */
  common: readonly string[];
  /** First and second characters that combine into further two-character names. */
  first: readonly string[];
  second: readonly string[];
  /** One-character given names. */
  single: readonly string[];
}

const OLDER: GivenNames = {
  common: [
    '建国',
    '建华',
    '国强',
    '国庆',
    '卫东',
    '卫国',
    '志强',
    '志明',
    '秀英',
    '秀兰',
    '桂英',
    '桂兰',
    '玉兰',
    '玉珍',
    '淑珍',
    '凤英',
    '德明',
    '德华',
    '永红',
    '红梅',
    '向东',
    '爱华',
    '振华',
    '海燕',
    '春花',
    '丽华',
    '淑芬',
    '宝山',
    '长青',
  ],
  first: [...'建国志秀桂玉淑德永卫振春海文长红爱金宝学'],
  second: [...'国华强明英兰珍芬民军平林东红梅生荣忠霞山'],
  single: [...'军勇强伟刚平明华兰英红梅霞芳萍静杰斌涛辉峰林'],
};

const YOUNGER: GivenNames = {
  common: [
    '子涵',
    '梓轩',
    '浩然',
    '欣怡',
    '雨桐',
    '思远',
    '一诺',
    '宇航',
    '佳琪',
    '晓东',
    '晓燕',
    '嘉怡',
    '俊杰',
    '雨萱',
    '诗涵',
    '明轩',
    '博文',
    '志远',
    '梦瑶',
    '天宇',
    '紫萱',
    '泽宇',
    '鹏飞',
    '婉清',
    '晨曦',
    '立新',
    '海洋',
    '静怡',
    '家豪',
  ],
  first: [...'子梓浩欣雨思一宇佳嘉俊诗明博志梦天泽鹏婉晨家若心书沐'],
  second: [...'涵轩然怡桐远诺航琪豪杰萱瑶宇飞清曦辰琳彤睿泽阳妍'],
  single: [...'磊鑫琳璐洋瑶悦婷娜颖超鹏帅敏丹宇浩晨欣雪倩洁晶'],
};

function surname(random: Random): string {
  if (random.chance(0.004)) return random.pick(COMPOUND_SURNAMES);
  // Squaring skews the index toward the common surnames at the front.
  const index = Math.floor(random.next() ** 2 * SURNAMES.length);
  return SURNAMES[index];
}

/** A name for someone born around `birthYear`. */
export function personName(random: Random, birthYear: number): string {
  const pool = birthYear < 1975 ? OLDER : YOUNGER;
  const family = surname(random);
  const roll = random.next();
  if (roll < 0.35) return family + random.pick(pool.common);
  if (roll < 0.8) return family + random.pick(pool.first) + random.pick(pool.second);
  return family + random.pick(pool.single);
}
