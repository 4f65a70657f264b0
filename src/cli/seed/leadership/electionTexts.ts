import type { Random } from '../random';

const RESIGNATION_REASONS = ['工作调动', '退休', '身体原因', '调任其他岗位', '外出务工'];
const REMOVAL_REASONS = ['受到党纪处分', '不能履行职责', '违反组织纪律'];

export const resignationReason = (random: Random): string => random.pick(RESIGNATION_REASONS);
export const removalReason = (random: Random): string => random.pick(REMOVAL_REASONS);
