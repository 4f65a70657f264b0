import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2020';
import { loadConfig } from '../../../src/app/config';
import { createApp, type OrgtrackApp } from '../../../src/app/orgtrackApp';
import { EXPIRY_ACTOR } from '../../../src/app/members/transferExpiry';
import { isDomainEvent } from '../../../src/app/recordedEvents';
import { executePlan } from '../../../src/cli/seed/executePlan';
import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { planSeed } from '../../../src/cli/seed/planSeed';
import { aggregateOfType, EVENT_TYPES, streamOfEvent, type OrgEvent } from '../../../src/domain/aggregates';
import { quarterOf } from '../../../src/domain/assessments/quarter';
import { addDays } from '../../../src/domain/shared/localDate';
import type { RecordedEvent } from '../../../src/eventstore/eventStore';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';

/**
 * The published event schemas (schema/events/, DESIGN.md "Events") are a promise to integrators:
 * one schema per domain event type, and every event the command layer records satisfies it.
 */

const SCHEMA_DIR = join(__dirname, '../../../schema/events');
const ID_BASE = 'https://orgtrack.example/schema/events/';
const METADATA = 'metadata';

/** ajv has no formats built in (ajv-formats is not installed): a strict ISO-8601 instant is enough here. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function readSchemas(): Map<string, AnySchemaObject> {
  const files = readdirSync(SCHEMA_DIR).filter((file) => file.endsWith('.json'));
  return new Map(files.map((file) => [file.slice(0, -'.json'.length), JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as AnySchemaObject]));
}

function compile(schemas: Map<string, AnySchemaObject>): Map<string, ValidateFunction> {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  ajv.addFormat('date-time', { type: 'string', validate: (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) });
  return new Map([...schemas].map(([name, schema]) => [name, ajv.compile(schema)]));
}

const schemas = readSchemas();
const validators = compile(schemas);

function validator(name: string): ValidateFunction {
  const validate = validators.get(name);
  if (!validate) throw new Error(`no schema ${name}.json in schema/events/`);
  return validate;
}

/** The messages of a failed validation, or [] when `value` is valid. */
function problems(name: string, value: unknown): string[] {
  const validate = validator(name);
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

describe('event schemas in schema/events/', () => {
  it('has one schema per domain event type, and no schema for an unknown type', () => {
    const eventSchemas = [...schemas.keys()].filter((name) => name !== METADATA).sort();
    expect(eventSchemas).toEqual([...EVENT_TYPES].sort());
    expect(schemas.has(METADATA)).toBe(true);
  });

  it('names each schema after its file, describes it for integrators, and leaves it open to compatible extension', () => {
    for (const [name, schema] of schemas) {
      expect({ name, $schema: schema.$schema, $id: schema.$id, type: schema.type }).toEqual({
        name,
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `${ID_BASE}${name}.json`,
        type: 'object',
      });
      expect(typeof schema.description).toBe('string');
      expect(schema.additionalProperties).toBeUndefined();
      const properties = schema.properties as Record<string, { description?: unknown }>;
      for (const required of schema.required as string[]) expect(properties).toHaveProperty(required);
      for (const [property, definition] of Object.entries(properties)) expect([property, typeof definition.description]).toEqual([property, 'string']);
    }
  });

  it('accepts the examples each schema gives', () => {
    for (const [name, schema] of schemas) {
      for (const example of (schema.examples ?? []) as unknown[]) expect([name, problems(name, example)]).toEqual([name, []]);
    }
  });

  describe('rejects payloads that break the contract', () => {
    const registered = {
      memberId: 'm-1',
      name: 'Li Hua',
      branchId: 'b-1',
      groupId: null,
      status: 'FULL',
      joinedOn: '2012-07-01',
    };
    const metadata = { effectiveDate: '2024-04-15', recordedAt: '2024-05-01T08:30:00.000Z', actor: 'anonymous', schemaVersion: 1 };

    it('a valid payload passes, also with a property added by a later compatible extension', () => {
      expect(problems('MemberRegistered', registered)).toEqual([]);
      expect(problems('MemberRegistered', { ...registered, addedLater: 'ignored' })).toEqual([]);
      expect(problems(METADATA, metadata)).toEqual([]);
    });

    it.each([
      ['MemberRegistered without memberId', 'MemberRegistered', (({ memberId: _, ...rest }) => rest)(registered)],
      ['a stage outside the enum', 'MemberRegistered', { ...registered, status: 'LEFT' }],
      ['a FULL member without political birthday', 'MemberRegistered', { ...registered, joinedOn: null }],
      ['a date not in YYYY-MM-DD form', 'MemberRegistered', { ...registered, joinedOn: '01.07.2012' }],
      ['an empty name', 'MemberRegistered', { ...registered, name: '' }],
      ['a level outside the enum', 'UnitEstablished', { unitId: 'u-1', level: 'REGION', name: 'North', code: null, parentId: 'u-0' }],
      ['a malformed unit code', 'UnitEstablished', { unitId: 'u-1', level: 'BRANCH', name: 'North', code: '-bad code', parentId: 'u-0' }],
      ['a leave reason outside the enum', 'MemberLeft', { memberId: 'm-1', branchId: 'b-1', reason: 'RETIRED', note: null }],
      ['a transfer without expiry', 'TransferRequested', { transferId: 't-1', memberId: 'm-1', fromBranchId: 'b-1', toBranchId: 'b-2', reason: null }],
      ['a stage advance to an unknown stage', 'MemberStageAdvanced', { memberId: 'm-1', from: 'FULL', to: 'HONORARY' }],
      ['metadata without recordedAt', METADATA, (({ recordedAt: _, ...rest }) => rest)(metadata)],
      ['metadata with a recordedAt that is not an instant', METADATA, { ...metadata, recordedAt: '2024-05-01' }],
      ['metadata with a fractional schemaVersion', METADATA, { ...metadata, schemaVersion: 1.5 }],
    ])('%s', (_, name, payload) => {
      expect(problems(name, payload)).not.toEqual([]);
    });
  });
});

describe('every event the command layer records satisfies the published schemas', () => {
  const today = new Date().toISOString().slice(0, 10);
  let app: OrgtrackApp;
  let events: RecordedEvent[];

  /** A demo history through the real command layer, plus the cases the seed never produces. */
  async function recordHistory(): Promise<void> {
    const plan = planSeed({ seed: 11, committees: 3, branches: 12, groups: 30, members: 200, years: 3, endDate: lastMonthEnd(today), transferExpiryDays: 90 });
    const report = await executePlan(app, plan.commands, { concurrency: 16 });
    const committees = plan.commands.flatMap((command) =>
      command.kind === 'establishUnit' && command.level === 'COMMITTEE' ? [report.ids.of(command.unit)] : [],
    );
    const [committee, otherCommittee] = committees;
    if (committee === undefined || otherCommittee === undefined) throw new Error('expected two committees in the plan');

    // Optional metadata (correlationId, idempotencyKey) set, and null where the data allows it.
    const by = { actor: 'schema-test', correlationId: 'schema-check' };
    // Dated long enough ago that a transfer requested then is past its expiry today.
    const past = { ...by, effectiveDate: addDays(app.clock.today(), -200) };
    const branch = (
      await app.units.establish({ level: 'BRANCH', name: 'Schema Branch', code: 'SCHEMA-1', parentId: committee }, { ...past, idempotencyKey: 'schema-branch' })
    ).subjectId;
    const receiving = (await app.units.establish({ level: 'BRANCH', name: 'Receiving Branch', parentId: committee }, past)).subjectId;
    const group = (await app.units.establish({ level: 'GROUP', name: 'Schema Group', parentId: branch }, past)).subjectId;
    const member = (await app.members.register({ name: 'Wang Fang', branchId: branch, groupId: group, status: 'APPLICANT', joinedOn: null }, past)).subjectId;
    await app.members.advanceStage({ memberId: member }, past);
    const unanswered = await app.members.requestTransfer({ memberId: member, toBranchId: receiving, reason: 'Moved house' }, past);
    if (unanswered.transferId === undefined) throw new Error('requestTransfer returned no transferId');
    await app.members.expireTransfer({ transferId: unanswered.transferId }, { actor: EXPIRY_ACTOR });
    await app.members.assignGroup({ memberId: member, groupId: null }, by);
    const transfer = await app.members.requestTransfer({ memberId: member, toBranchId: receiving }, by);
    if (transfer.transferId === undefined) throw new Error('requestTransfer returned no transferId');
    await app.members.rejectTransfer({ transferId: transfer.transferId }, by);
    await app.members.left({ memberId: member, reason: 'OTHER' }, by);
    await app.members.correctDetails({ memberId: member, name: 'Wang Fan', reason: null }, by);
    await app.units.rename({ unitId: group, name: 'Schema Group Renamed' }, by);
    await app.units.dissolve({ unitId: group }, by);
    await app.units.dissolve({ unitId: branch, reason: 'Merged into the receiving branch' }, by);
    await app.units.move({ unitId: receiving, parentId: otherCommittee }, by);
    const adviser = (await app.members.register({ name: 'Zhao Lü', branchId: receiving, status: 'FULL', joinedOn: '2010-07-01' }, past)).subjectId;
    const advising = await app.pairings.assign({ kind: 'LEGAL_ADVISER', memberOrUnitId: adviser, counterpart: { kind: 'VILLAGE', name: '张家村' } }, past);
    await app.pairings.end({ pairingId: advising.subjectId, reason: null }, by);
    // An election with and without vote counts; one officer resigns (no reason), the other is removed.
    const deputy = (await app.members.register({ name: 'Qian Li', branchId: receiving, status: 'FULL', joinedOn: '2012-07-01' }, past)).subjectId;
    const officers = [
      { memberId: adviser, role: 'SECRETARY', votes: 12 },
      { memberId: deputy, role: 'DEPUTY_SECRETARY' },
    ];
    await app.leadership.recordElection({ unitId: receiving, officers, votes: { eligible: 15, cast: 14 } }, past);
    // A contact point is a member in office.
    await app.pairings.assign({ kind: 'CONTACT_POINT', memberOrUnitId: adviser, counterpart: { kind: 'UNIT', id: receiving } }, by);
    await app.leadership.resign({ unitId: receiving, memberId: deputy }, by);
    await app.leadership.remove({ unitId: receiving, memberId: adviser, reason: 'Disciplinary sanction' }, by);
    // A quarter scored twice (the second supersedes the first) and a yearly appraisal.
    const scores = {
      memberEducation: '1.5',
      memberManagement: '1.25',
      memberDevelopment: '0.8',
      servingTheCentre: '2.75',
      contactWithPublic: '1.2',
      distinctiveWork: '1',
    };
    const quarter = quarterOf(past.effectiveDate);
    await app.groupScores.record({ groupId: group, quarter, scores }, past);
    await app.groupScores.record({ groupId: group, quarter, scores: { ...scores, distinctiveWork: '1.5' } }, past);
    await app.appraisals.record({ memberId: adviser, year: Number(past.effectiveDate.slice(0, 4)), grade: 'QUALIFIED' }, past);
    // A dues base, a payment towards what is due, and an extra contribution.
    await app.dues.setBase({ memberId: adviser, category: 'EMPLOYED', monthlyIncome: '8500' }, past);
    await app.dues.recordPayment({ memberId: adviser, period: past.effectiveDate.slice(0, 7), amount: '127.50', extra: false }, past);
    const extra = await app.dues.recordPayment({ memberId: adviser, period: past.effectiveDate.slice(0, 7), amount: '20', extra: true }, past);
    // A correction: the extra contribution was booked by mistake.
    await app.retractions.retract({ eventId: extra.eventIds[0], reason: 'Booked twice' }, by);
    // Derived facts: three theme party days missed in a row raise an attendance flag; one the member attended, recorded late, clears it.
    const absentee = (await app.members.register({ name: 'Sun Mei', branchId: receiving, status: 'FULL', joinedOn: '2015-07-01' }, past)).subjectId;
    const partyDay = (days: number, absent: string[], attendees: string[]) =>
      app.meetings.record({ unitId: receiving, kind: 'THEME_PARTY_DAY', heldOn: addDays(app.clock.today(), -days), attendees, absent }, by);
    for (const days of [90, 60, 30]) await partyDay(days, [absentee], [adviser]);
    expect(await app.attendanceFlagWatcher.reassess([absentee])).toBe(1);
    await partyDay(45, [], [adviser, absentee]);
    expect(await app.attendanceFlagWatcher.reassess([absentee])).toBe(1);
    // Access: a key issued for a branch, then revoked.
    await app.apiKeys.issue({ name: 'branch-secretary', role: 'ORGANIZER', unitId: receiving, expires: '2099-12-31' }, { actor: 'cli' });
    await app.apiKeys.revoke('branch-secretary', { actor: 'cli' });
  }

  beforeAll(async () => {
    app = await createApp(loadConfig({}), { eventStore: SqliteEventStore.open({ path: ':memory:' }), readStore: new EmbeddedReadStore() });
    await recordHistory();
    events = (await app.eventStore.readAll({ maxCount: 100_000 })).filter(isDomainEvent);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it("records every domain event type, each in the streams of its category (a retraction in its target's)", () => {
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(EVENT_TYPES));
    const byId = new Map(events.map((event) => [event.id, event]));
    for (const event of events) {
      if (event.type === 'EventRetracted') {
        expect(event.stream).toBe(byId.get(String(event.data.eventId))?.stream);
        continue;
      }
      const aggregate = aggregateOfType(event.type);
      const category = aggregate?.category ?? 'none';
      expect(streamOfEvent({ type: event.type, data: event.data } as OrgEvent)).toBe(event.stream);
      expect(`${event.type} in ${event.stream}`).toMatch(new RegExp(`^${event.type} in ${category}-.+$`));
    }
  });

  it("validates every event's data against <type>.json and its metadata against metadata.json", () => {
    const failures = events.flatMap((event) => {
      const where = `${event.type} ${event.stream}@${event.revision}`;
      return [
        ...problems(event.type, event.data).map((problem) => `${where} data${problem}`),
        ...problems(METADATA, event.metadata).map((problem) => `${where} metadata${problem}`),
      ];
    });
    expect(events.length).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });
});
