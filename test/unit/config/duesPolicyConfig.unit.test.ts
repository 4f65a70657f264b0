import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/app/config';
import { DEFAULT_DUES_POLICY } from '../../../src/domain/dues/duesPolicy';

describe('ORGTRACK_DUES_POLICY', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-dues-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('defaults to the policy of DOMAIN.md', () => {
    expect(loadConfig({}).duesPolicy).toBe(DEFAULT_DUES_POLICY);
  });

  it('loads a policy from a JSON file, without code changes', () => {
    const later = { ...DEFAULT_DUES_POLICY.versions[0], effectiveFrom: '2025-01-01' };
    const file = write('policy.json', JSON.stringify({ versions: [DEFAULT_DUES_POLICY.versions[0], later] }));
    expect(loadConfig({ ORGTRACK_DUES_POLICY: file }).duesPolicy.versions.map((version) => version.effectiveFrom)).toEqual(['1900-01-01', '2025-01-01']);
  });

  it('refuses to start on a missing, malformed or invalid file, naming the problem', () => {
    expect(() => loadConfig({ ORGTRACK_DUES_POLICY: path.join(dir, 'absent.json') })).toThrow(ConfigError);
    expect(() => loadConfig({ ORGTRACK_DUES_POLICY: write('broken.json', '{ versions') })).toThrow(/ORGTRACK_DUES_POLICY.*JSON/);
    expect(() => loadConfig({ ORGTRACK_DUES_POLICY: write('invalid.json', '{"versions": [{"effectiveFrom": "2024-01-01", "rules": {}}]}') })).toThrow(
      'policy.versions[0].rules.EMPLOYED must be an object',
    );
  });
});
