import { spanOf } from '../../../src/domain/assessments/quarter';
import { parseHundredths, SCORE_CATEGORIES, SCORE_CATEGORY_MAXIMA } from '../../../src/domain/assessments/scoreCategories';
import { PILOT_EVERY } from '../../../src/cli/seed/meetings/planMeetings';
import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { planSeed } from '../../../src/cli/seed/planSeed';
import { aggregatesReadBy, DEFAULT_SIZES, unitsReadBy, type PlannedCommand } from '../../../src/cli/seed/seedPlan';

type GroupScore = Extract<PlannedCommand, { kind: 'recordGroupScore' }>;
type Appraisal = Extract<PlannedCommand, { kind: 'recordAppraisal' }>;

const today = new Date().toISOString().slice(0, 10);
const input = { ...DEFAULT_SIZES, seed: 1, endDate: lastMonthEnd(today), transferExpiryDays: 90 };
const plan = planSeed(input);
const scores = plan.commands.filter((command): command is GroupScore => command.kind === 'recordGroupScore');
const appraisals = plan.commands.filter((command): command is Appraisal => command.kind === 'recordAppraisal');
const lastYear = Number(plan.endDate.slice(0, 4)) - 1;

/** Each member's political birthday, registration, leaving and branch changes, replayed from the planned member commands. */
function memberLives(): Map<string, { registeredOn: string; joinedOn: string | null; leftOn: string | null; branches: { from: string; branch: string }[] }> {
  const targets = new Map<string, string>();
  const lives = new Map<string, { registeredOn: string; joinedOn: string | null; leftOn: string | null; branches: { from: string; branch: string }[] }>();
  for (const command of plan.commands) {
    if (command.kind === 'requestTransfer') targets.set(command.transfer, command.toBranch);
    if (command.kind === 'registerMember')
      lives.set(command.member, {
        registeredOn: command.on,
        joinedOn: command.joinedOn,
        leftOn: null,
        branches: [{ from: command.on, branch: command.branch }],
      });
    const life = 'member' in command ? lives.get(command.member) : undefined;
    if (life === undefined) continue;
    if (command.kind === 'advanceStage' && command.to === 'PROBATIONARY' && life.joinedOn === null) life.joinedOn = command.on;
    if (command.kind === 'memberLeft') life.leftOn = command.on;
    if (command.kind === 'acceptTransfer') life.branches.push({ from: command.on, branch: targets.get(command.transfer)! });
  }
  return lives;
}

describe('the group scores and appraisals of the seed plan', () => {
  it('is the same plan for the same seed', () => {
    const again = planSeed(input).commands.filter((command) => command.kind === 'recordGroupScore' || command.kind === 'recordAppraisal');
    expect(again).toEqual([...scores, ...appraisals].sort((a, b) => plan.commands.indexOf(a) - plan.commands.indexOf(b)));
  });

  it('scores the groups of the pilot committees each quarter of the last two years, a few twice, and keeps the seed small', () => {
    const pilots = new Set(
      plan.commands
        .filter((c) => c.kind === 'establishUnit' && c.level === 'COMMITTEE')
        .filter((_, index) => index % PILOT_EVERY === 0)
        .map((c) => (c as { unit: string }).unit),
    );
    const branchCommittee = new Map(plan.commands.flatMap((c) => (c.kind === 'establishUnit' && c.level === 'BRANCH' ? [[c.unit, c.parent!] as const] : [])));
    const groups = plan.commands.flatMap((c) =>
      c.kind === 'establishUnit' && c.level === 'GROUP' && pilots.has(branchCommittee.get(c.parent!)!) ? [c.unit] : [],
    );
    const quarters = new Set(scores.map((score) => score.quarter));
    expect(quarters.size).toBe(8);
    const firsts = new Set(scores.map((score) => `${score.group} ${score.quarter}`));
    expect(firsts.size).toBe(groups.length * 8);
    const rescored = scores.length - firsts.size;
    expect(rescored).toBeGreaterThan(0);
    expect(rescored).toBeLessThan(scores.length * 0.06);
    expect(scores.length + appraisals.length).toBeLessThan(8_000);
  });

  it('scores only established groups, within the quarter and the history, each category within its maximum', () => {
    const established = new Map(plan.commands.flatMap((c) => (c.kind === 'establishUnit' ? [[c.unit, c] as const] : [])));
    const totals: number[] = [];
    const lastOn = new Map<string, string>();
    for (const score of scores) {
      const span = spanOf(score.quarter);
      const group = established.get(score.group)!;
      expect(group.level).toBe('GROUP');
      expect(group.on <= span.end).toBe(true);
      expect(unitsReadBy(score)).toEqual([score.group]);
      expect(score.on >= span.end && score.on <= plan.endDate).toBe(true);
      const key = `${score.group} ${score.quarter}`;
      if (lastOn.has(key)) expect(score.on > lastOn.get(key)!).toBe(true);
      lastOn.set(key, score.on);
      let total = 0;
      for (const category of SCORE_CATEGORIES) {
        const typed = score.scores[category];
        expect(typed).toMatch(/^\d+(\.\d{1,2})?$/);
        const hundredths = parseHundredths(typed, category);
        expect(hundredths).toBeLessThanOrEqual(SCORE_CATEGORY_MAXIMA[category]);
        total += hundredths;
      }
      totals.push(total);
    }
    const usual = totals.filter((total) => total >= 650 && total <= 950).length;
    expect(usual / totals.length).toBeGreaterThan(0.8);
    expect(totals.some((total) => total < 650)).toBe(true);
    expect(totals.filter((total) => total >= 800).length).toBeGreaterThan(totals.length * 0.2);
  });

  it('appraises in January, for the year before, only members who were party members on a day of that year', () => {
    const lives = memberLives();
    const lastOn = new Map<string, string>();
    expect(new Set(appraisals.map((appraisal) => appraisal.year))).toEqual(new Set([lastYear - 1, lastYear]));
    for (const appraisal of appraisals) {
      const life = lives.get(appraisal.appraised)!;
      expect(aggregatesReadBy(appraisal)).toEqual([appraisal.appraised]);
      expect(appraisal.on.startsWith(`${appraisal.year + 1}-`)).toBe(true);
      expect(appraisal.on <= plan.endDate).toBe(true);
      expect(life.joinedOn).not.toBeNull();
      const since = life.joinedOn! > life.registeredOn ? life.joinedOn! : life.registeredOn;
      expect(since <= `${appraisal.year}-12-31`).toBe(true);
      expect(life.leftOn === null || life.leftOn > `${appraisal.year}-01-01`).toBe(true);
      const key = `${appraisal.appraised} ${appraisal.year}`;
      if (lastOn.has(key)) expect(appraisal.on > lastOn.get(key)!).toBe(true);
      else expect(appraisal.on.slice(5, 7)).toBe('01');
      lastOn.set(key, appraisal.on);
    }
  });

  it('grades most members QUALIFIED or EXCELLENT, a few lower, and revises a few', () => {
    const count = (grade: string): number => appraisals.filter((appraisal) => appraisal.grade === grade).length;
    expect(appraisals.length).toBeGreaterThan(500);
    expect((count('QUALIFIED') + count('EXCELLENT')) / appraisals.length).toBeGreaterThan(0.85);
    expect(count('BASICALLY_QUALIFIED')).toBeGreaterThan(0);
    expect(count('UNQUALIFIED')).toBeGreaterThan(0);
    const revised = appraisals.length - new Set(appraisals.map((appraisal) => `${appraisal.appraised} ${appraisal.year}`)).size;
    expect(revised).toBeGreaterThan(0);
    expect(revised).toBeLessThan(appraisals.length * 0.05);
  });
});
