// Flat config: typescript-eslint recommended rules on every TypeScript source, and the layering as a rule.
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * The dependency direction of the README's Architecture section: apps → src/service → src → libs, each lib
 * only towards the ones below it, no app into another app. A violation fails `npm run lint` (and CI);
 * test/foundation/layering.e2e-spec.ts proves the rule bites.
 */
const LIBS = {
  core: [],
  encryption: [],
  'argos-client': ['core'],
  results: ['argos-client', 'core'],
  'token-policy': ['notifications', 'encryption', 'core'],
  retention: ['results', 'argos-client', 'core'],
  webhook: ['notifications', 'token-policy', 'results', 'argos-client', 'encryption', 'core'],
  notifications: ['core'],
  'admin-api': [
    'webhook',
    'retention',
    'results',
    'token-policy',
    'notifications',
    'argos-client',
    'encryption',
    'core',
  ],
  // Test support, not product: the Argos emulator (it plays the vendor, so it shares only the crypto) and
  // `faceauth/testing`, which starts it in a host's tests. Neither src/ nor the service apps may use them.
  'argos-sandbox': ['encryption'],
  testing: ['argos-sandbox'],
};
const TEST_SUPPORT_LIBS = ['argos-sandbox', 'testing'];
const LIB_TYPES = Object.keys(LIBS)
  .filter((lib) => !TEST_SUPPORT_LIBS.includes(lib))
  .map((lib) => `lib:${lib}`);
const APPS = ['api', 'cli', 'argos-sandbox'];

const layering = {
  files: ['apps/**/*.ts', 'libs/**/*.ts', 'src/**/*.ts', 'ormconfig.ts'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { typescript: { project: './tsconfig.json' } },
    'boundaries/include': ['apps/**/*', 'libs/**/*', 'src/**/*', 'ormconfig.ts'],
    'boundaries/elements': [
      ...APPS.map((app) => ({ type: `app:${app}`, pattern: `apps/${app}/**`, mode: 'full' })),
      ...Object.keys(LIBS).map((lib) => ({ type: `lib:${lib}`, pattern: `libs/${lib}/**`, mode: 'full' })),
      { type: 'service', pattern: 'src/service/**', mode: 'full' },
      { type: 'module', pattern: 'src/**', mode: 'full' },
      { type: 'orm-cli', pattern: 'ormconfig.ts', mode: 'full' },
    ],
  },
  rules: {
    'boundaries/element-types': [
      'error',
      {
        default: 'disallow',
        message: '${file.type} must not import ${dependency.type} (see the layering in eslint.config.mjs)',
        rules: [
          ...Object.entries(LIBS).map(([lib, below]) => ({
            from: `lib:${lib}`,
            allow: [`lib:${lib}`, ...below.map((b) => `lib:${b}`)],
          })),
          { from: 'module', allow: ['module', ...LIB_TYPES] },
          { from: 'service', allow: ['service', 'module', ...LIB_TYPES] },
          { from: 'orm-cli', allow: ['service'] },
          { from: 'app:api', allow: ['app:api', 'service', 'module', ...LIB_TYPES] },
          { from: 'app:cli', allow: ['app:cli', 'service', 'module', ...LIB_TYPES] },
          { from: 'app:argos-sandbox', allow: ['app:argos-sandbox', 'lib:argos-sandbox', 'lib:encryption'] },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'bench/results/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='forwardRef']",
          message: 'forwardRef hides a module cycle: fix the design.',
        },
      ],
    },
  },
  layering,
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    // Tests read JSON answers of arbitrary shape.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
