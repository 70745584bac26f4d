#!/usr/bin/env node
// The `kakao-codegen` command: everything it does is `run`, which tests call in process.
import { run } from './cli.js';

process.exitCode = await run(process.argv.slice(2));
