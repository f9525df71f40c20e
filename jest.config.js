/** Jest 30 + @swc/jest. Nest 12 is ESM-only, so node_modules are transformed too (STACK.md). */
const swcOptions = {
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: { '^.+\\.(t|j|mj|cj)s$': ['@swc/jest', swcOptions] },
  transformIgnorePatterns: [],
  moduleNameMapper: {
    '^@faceauth/module$': '<rootDir>/src',
    '^@faceauth/service$': '<rootDir>/src/service',
    '^@faceauth/encryption/plain$': '<rootDir>/libs/encryption/src/plain',
    '^@faceauth/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  // One test file at a time (suites share the machine's two cores with their servers and databases), but in a
  // worker that Jest replaces once it holds more than this after a file: in one long-lived process the heap of
  // ~160 suites grew to 3.8 GB and the late suites ran 5x slower than alone.
  workerIdleMemoryLimit: '1GB',
};
