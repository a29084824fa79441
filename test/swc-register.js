// Require hook that lets plain `node` run the repo's TypeScript (decorators included) without a build:
//   node -r ./test/swc-register.js bench/outbox-throughput.ts
//   spawn(process.execPath, ['-r', require.resolve('<repo>/test/swc-register.js'), 'path/to/script.ts'])
// It compiles each .ts file with @swc/core using the repo's .swcrc (the same settings as @swc/jest) and
// maps `@legal/<lib>[/sub/path]` to libs/<lib>/src[/sub/path], like tsconfig.base.json's paths.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const swcOptions = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcOptions.$schema;

require('reflect-metadata');
process.setSourceMapsEnabled(true);

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveLegalAlias(request, parent, ...rest) {
  const alias = /^@legal\/([a-z0-9-]+)(\/.*)?$/.exec(request);
  const target = alias ? path.join(root, 'libs', alias[1], 'src', alias[2] ?? 'index') : request;
  return originalResolve.call(this, target, parent, ...rest);
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcOptions, swcrc: false, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};

// Node tries extensions in the order they were registered: put .ts right after .js, so that
// `./classification-model` finds classification-model.ts, not the classification-model.json beside it.
for (const ext of Object.keys(require.extensions).filter((e) => e !== '.js' && e !== '.ts')) {
  const handler = require.extensions[ext];
  delete require.extensions[ext];
  require.extensions[ext] = handler;
}
