// One Jest run covers the whole monorepo. Unit specs (*.spec.ts) are pure; integration (*.int-spec.ts)
// and end-to-end (*.e2e-spec.ts) specs talk to the real PostgreSQL, Redis and Kafka started by
// deploy/local/infra.sh (test/global-setup.ts checks they are reachable before anything runs).
const fs = require('node:fs');
const path = require('node:path');

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;

// Dependencies published only as ES modules (NestJS 12, jose 6 and what they import): Jest transforms them.
const ESM_ONLY_PACKAGES = [
  '@nestjs',
  'jose',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
];
const esmToCommonJs = {
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022', keepClassNames: true },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const shared = {
  rootDir: __dirname,
  // Only the source folders: never crawl .cache/ (Kafka data, ~17,000 files), dist/ or node_modules/.
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/test'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }],
    // ESM-only packages (below) are compiled to CommonJS like our own code: Jest's module registry cannot
    // require() an ES module on Node 20, although Node itself can.
    '^.+\\.m?js$': ['@swc/jest', { ...esmToCommonJs, swcrc: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@legal/(.*)$': '<rootDir>/libs/$1/src' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.cache/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,test}/**/*.spec.ts'] },
    {
      ...shared,
      // Fault tests stop and start the real broker or kill processes: run alone, one file at a time
      // (`npm test` runs this project in a second, serial pass).
      displayName: 'fault',
      testMatch: ['<rootDir>/{libs,services,test}/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup-fault.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,test}/**/*.{int,e2e}-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup-env.ts'],
      slowTestThreshold: 30,
    },
  ],
};
