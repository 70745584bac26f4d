/**
 * kakao-codegen's programmatic API: the generator the CLI runs, the spec loader, and the CLI itself
 * (`run(argv, io)` returns the exit code and never exits the process).
 */
export { run } from './cli.js';
export type { Io } from './cli.js';
export { generate } from './generate.js';
export { loadSpecFile, parseSpec, SpecError } from '../core/spec.js';
export type { Spec, SpecInput } from '../core/spec.js';
