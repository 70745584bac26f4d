/**
 * Writes `spec/kakao-error-codes.schema.json` (draft-07) from the zod spec schema, so editors can
 * validate the spec. `npm run schema` writes it; `--check` only compares (exit 1 when stale).
 *
 * Usage: node dist/scripts/write-json-schema.js [--check] [--out <file>]
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkFiles, formatCheckResult, formatWriteResults, OutputFileError, writeFilesAtomically } from '../codegen/files.js';
import { specJsonSchema } from '../core/spec.js';

/** The schema file, relative to the working directory (the package root under npm scripts). */
export const DEFAULT_SCHEMA_OUT = 'spec/kakao-error-codes.schema.json';

/** The schema's text: two-space JSON with a final newline. */
export function jsonSchemaText(): string {
  return `${JSON.stringify(specJsonSchema(), null, 2)}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { check: { type: 'boolean', default: false }, out: { type: 'string', default: DEFAULT_SCHEMA_OUT } },
    }));
  } catch (error) {
    process.stderr.write(`write-json-schema: ${(error as Error).message}\nUsage: write-json-schema [--check] [--out <file>]\n`);
    return 2;
  }
  const files = [{ path: values.out, text: jsonSchemaText() }];
  try {
    if (values.check) {
      const problems = checkFiles(files).filter((result) => result.status !== 'fresh');
      for (const problem of problems) {
        process.stderr.write(`write-json-schema: ${formatCheckResult(problem)}; run npm run schema\n`);
      }
      if (problems.length === 0) process.stdout.write(`write-json-schema: ${values.out} up to date\n`);
      return problems.length === 0 ? 0 : 1;
    }
    process.stdout.write(`write-json-schema: ${formatWriteResults(await writeFilesAtomically(files))}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof OutputFileError)) throw error;
    process.stderr.write(`write-json-schema: ${error.message}\n`);
    return 1;
  }
}

const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = await main(process.argv.slice(2));
}
