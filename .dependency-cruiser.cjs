/**
 * The import-boundary check (`npm run check:imports`, run by .ci/run): the layout table of
 * DESIGN.md as rules. Every import between our folders must match one `allowed` rule; anything
 * else is an error. Type-only imports count too (an arrow is an arrow; swc reports them as imports). npm packages and Node's
 * built-ins are allowed everywhere except where a `forbidden` rule says otherwise; whether the pure
 * folders use Node APIs is checked by tsconfig.pure.json (no Node types).
 */
const PURE = '^src/(engine|random|model|scenario|optimizer)/';
/**
 * The layout table: folder -> what it may import besides itself (path patterns). src/cli sees
 * experiments only through their entry module.
 */
const TABLE = {
  'src/engine': [],
  'src/random': [],
  'src/model': [],
  'src/scenario': ['src/model/', 'src/random/'],
  'src/optimizer': ['src/model/', 'src/random/'],
  'src/files': [],
  'src/subprocess': [],
  'src/user-policy': ['src/files/', 'src/subprocess/', 'src/scenario/', 'sim/'],
  'src/cli': ['src/[^/]+/', 'sim/', 'experiments/index\\.ts$'],
  sim: ['src/engine/', 'src/random/', 'src/model/', 'src/scenario/', 'src/optimizer/'],
  experiments: ['src/(?!cli/)[^/]+/', 'sim/'],
  test: ['src/[^/]+/', 'sim/', 'experiments/'],
};

module.exports = {
  allowed: [
    {
      comment: 'npm packages and Node built-ins',
      from: {},
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'] },
    },
    ...Object.entries(TABLE).map(([folder, targets]) => ({
      comment: `${folder} may import itself${targets.length > 0 ? ` and ${targets.join(', ')}` : ''}`,
      from: { path: `^${folder}/` },
      to: { path: `^(${[`${folder}/`, ...targets].join('|')})` },
    })),
  ],
  allowedSeverity: 'error',
  forbidden: [
    {
      name: 'no-dev-dependency-at-run-time',
      comment: 'code outside test/ must not need a devDependency (npm ci --omit=dev must run mecsim)',
      severity: 'error',
      from: { path: '^(src|sim|experiments)/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'no-unresolvable-import',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'pure-folders-no-node-builtins',
      comment: 'engine, random, model, scenario and optimizer run in a browser too',
      severity: 'error',
      from: { path: PURE },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // swc parses TypeScript 7-era sources (dependency-cruiser's tsc extractor needs typescript < 7) and
    // reports type-only imports as imports.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.mjs', '.js'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
