import { registerEnumType } from 'type-graphql';
import { UNIT_LEVELS } from '../../domain/units/unitLevel';
import { enumOf } from '../shared/enumOf';

export const UnitLevelEnum = enumOf(UNIT_LEVELS);
registerEnumType(UnitLevelEnum, { name: 'UnitLevel', description: 'Levels of units, top down: a district, a committee, a branch, a group.' });

export const UnitStatusEnum = enumOf(['ACTIVE', 'DISSOLVED'] as const);
registerEnumType(UnitStatusEnum, { name: 'UnitStatus', description: 'Whether a unit was active or dissolved on the date asked about.' });
