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
};
