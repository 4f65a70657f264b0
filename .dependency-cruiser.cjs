/** Layer rules (DESIGN.md "Folder layout"): dependencies point inward. Run by `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing outside src/domain: no library, no Node module, no I/O.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'projections-know-no-api',
      comment: 'projections/ import the domain and the read store port only.',
      severity: 'error',
      from: { path: '^projections/' },
      to: { pathNot: ['^projections/', '^src/domain/', '^src/readstore/readStore\\.ts$'] },
    },
    {
      name: 'adapters-know-only-their-port',
      comment: 'Event store and read store code never reaches into the app, the API or the CLI.',
      severity: 'error',
      from: { path: '^src/(eventstore|readstore)/' },
      to: { path: '^(src/(app|api|cli|domain)|projections)/' },
    },
    {
      name: 'app-knows-no-api',
      comment: 'The application layer is used by the API and the CLI, never the other way round.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(api|cli)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
