#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { missingNodeFlags } from '@kindling/core';
import { main } from '../dist/main.js';
import { EXIT } from '../dist/errors.js';

// The engine's V8 flags (core's NODE_FLAGS) can only be given when Node starts: `sql` and `shell`, which run in
// this process, restart it with them. `run` starts its script's process with them itself.
const argv = process.argv.slice(2);
const missing = argv[0] === 'sql' || argv[0] === 'shell' ? missingNodeFlags() : [];
if (missing.length === 0) process.exitCode = await main(argv);
else {
  const child = spawn(process.execPath, [...process.execArgv, ...missing, fileURLToPath(import.meta.url), ...argv], { stdio: 'inherit' });
  // Ctrl-C reaches the child directly (same process group); this process only passes on how it ended.
  process.on('SIGINT', () => {});
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal === 'SIGINT' ? EXIT.interrupted : EXIT.failed);
  });
}
