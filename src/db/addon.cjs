// What better-sqlite3 gets for its `bindings` package in pm's bundle (esbuild.config.mjs): its
// native addon, loaded straight from build/Release beside its package.json, where its install
// puts it; anywhere else, `bindings` searches for it from that folder.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

module.exports = function bindings(name) {
  // pm's own node_modules (beside dist/, which is __dirname in the bundle) is where node's
  // resolution from bin/pm.js finds better-sqlite3 first: its addon is loaded from there as
  // require() would load it (process.dlopen), without resolving the package's path and going
  // through node's module loader for a .node file (~0.9 ms of every start, measured).
  // test/unit/addon-path.test.ts checks that this is the file the resolution below finds.
  const direct = path.join(__dirname, '..', 'node_modules', 'better-sqlite3', 'build', 'Release', name);
  if (fs.existsSync(direct)) {
    const addon = { exports: {} };
    process.dlopen(addon, direct);
    return addon.exports;
  }
  const root = path.dirname(require.resolve('better-sqlite3/package.json'));
  try {
    return require(path.join(root, 'build', 'Release', name));
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
    return require('bindings/bindings.js')({ bindings: name, module_root: root });
  }
};
