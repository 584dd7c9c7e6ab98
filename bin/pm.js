#!/usr/bin/env node
// The built CLI lives in dist/ (made by `npm run build`, which `npm ci` runs through `prepare`).
import { run } from '../dist/cli.js';
run(process.argv.slice(2));
