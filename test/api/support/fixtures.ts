import { EstablishUnitDocument, RegisterMemberDocument, type UnitLevel } from '../generated/graphql';
import type { TestServer } from './testServer';

export interface Tree {
  district: string;
  committeeA: string;
  committeeB: string;
  /** Branches of committee A. */
  branchA1: string;
  branchA2: string;
  /** Branch of committee B. */
  branchB1: string;
  /** Groups of branch A1. */
  groupA1x: string;
  groupA1y: string;
  /** Group of branch A2. */
  groupA2x: string;
}

export async function establish(server: TestServer, level: UnitLevel, name: string, parentId: string | null, effectiveDate: string): Promise<string> {
  const result = await server.ok(EstablishUnitDocument, { input: { level, name, parentId, effectiveDate } });
  return result.establishUnit.unit!.id;
}

/** A district with two committees, three branches and three groups, all set up in 2015. */
export async function buildTree(server: TestServer): Promise<Tree> {
  const district = await establish(server, 'DISTRICT', '城关区直机关工委', null, '2015-01-01');
  const committeeA = await establish(server, 'COMMITTEE', '机关党委', district, '2015-01-10');
  const committeeB = await establish(server, 'COMMITTEE', '教育局党总支', district, '2015-01-10');
  const branchA1 = await establish(server, 'BRANCH', '第一党支部', committeeA, '2015-02-01');
  const branchA2 = await establish(server, 'BRANCH', '第二党支部', committeeA, '2015-02-01');
  const branchB1 = await establish(server, 'BRANCH', '实验小学党支部', committeeB, '2015-02-01');
  const groupA1x = await establish(server, 'GROUP', '红一组', branchA1, '2015-03-01');
  const groupA1y = await establish(server, 'GROUP', '横班党小组', branchA1, '2015-03-01');
  const groupA2x = await establish(server, 'GROUP', '第一党小组', branchA2, '2015-03-01');
  return { district, committeeA, committeeB, branchA1, branchA2, branchB1, groupA1x, groupA1y, groupA2x };
}

export async function register(server: TestServer, name: string, branchId: string, effectiveDate: string, groupId: string | null = null): Promise<string> {
  const result = await server.ok(RegisterMemberDocument, { input: { name, branchId, groupId, status: 'FULL', joinedOn: '2001-07-01', effectiveDate } });
  return result.registerMember.member!.id;
}
