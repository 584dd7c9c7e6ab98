// What better-sqlite3 gets for its `bindings` package in pm's bundle (esbuild.config.mjs): its
// native addon, required straight from build/Release beside its package.json, where its install
// puts it; anywhere else, `bindings` searches for it from that folder.
'use strict';
const path = require('node:path');

module.exports = function bindings(name) {
  const root = path.dirname(require.resolve('better-sqlite3/package.json'));
  try {
    return require(path.join(root, 'build', 'Release', name));
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND') throw err;
    return require('bindings/bindings.js')({ bindings: name, module_root: root });
  }
};
