// The thread behind test/helpers.ts's in-process runs: it loads the built CLI (dist/cli.cjs, every
// command's code; bin/pm.js runs a command from its own dist/cli-NAME.cjs, and
// test/e2e/code-cache.test.ts holds the two to the same answers) once, then runs each command it is
// sent with run() from src/cli.ts, its output captured, answers with the request's number and
// counts the answer in `replies`, on which the test's thread waits (so `box.pm()` stays synchronous
// and one run never overlaps another). Plain CommonJS: node loads it as it is, without vitest.
'use strict';
const { readFileSync } = require('node:fs');
const { dirname } = require('node:path');
const vm = require('node:vm');
const { workerData } = require('node:worker_threads');

const { port, replies, bundle } = workerData;

function reply(message) {
  port.postMessage(message);
  Atomics.add(replies, 0, 1);
  Atomics.notify(replies, 0);
}

// A command gets its environment from run(): whatever reads process.env behind its back finds this
// thread's copy empty, so a test notices. TZ stays: the time zone is the process's, not a run's.
for (const key of Object.keys(process.env)) if (key !== 'TZ') delete process.env[key];

process.on('uncaughtException', (err) => reply({ crash: err?.stack ?? String(err) }));
process.on('unhandledRejection', (err) => reply({ crash: err?.stack ?? String(err) }));

// loaded as bin/pm.js loads it: the bundle is one function expression (esbuild.config.mjs)
const cli = { exports: {} };
new vm.Script(readFileSync(bundle, 'utf8'), { filename: bundle })
  .runInThisContext()
  .call(cli.exports, cli.exports, require, cli, bundle, dirname(bundle));

port.on('message', async ({ seq, argv, env, stdin }) => {
  const out = [];
  const err = [];
  try {
    const code = await cli.exports.run(argv, {
      env,
      stdio: {
        stdin: typeof stdin === 'string' ? stdin : Buffer.from(stdin.buffer, stdin.byteOffset, stdin.byteLength),
        isTTY: false,
        out: (text) => out.push(Buffer.from(text)),
        err: (text) => err.push(Buffer.from(text)),
      },
    });
    reply({ seq, code, out: Buffer.concat(out).toString('utf8'), err: Buffer.concat(err).toString('utf8') });
  } catch (e) {
    reply({ seq, crash: e?.stack ?? String(e) });
  }
});
