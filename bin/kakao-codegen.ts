#!/usr/bin/env node
/**
 * eslint-plugin-kakao lints; the enum generator is the package `kakao-codegen`, which brings
 * ts-morph. Both packages name their command `kakao-codegen` and npm links one of them, so this one
 * runs the generator when it is installed (beside the project or beside the plugin) and otherwise
 * says what to install.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Run = (argv: readonly string[]) => Promise<number>;

function resolveGenerator(): string | undefined {
  for (const from of [path.join(process.cwd(), 'package.json'), import.meta.filename]) {
    try {
      return createRequire(from).resolve('kakao-codegen');
    } catch {
      // Not installed there; try the next place.
    }
  }
  return undefined;
}

const generator = resolveGenerator();
if (generator === undefined) {
  process.stderr.write(
    'kakao-codegen: the generator is not installed (eslint-plugin-kakao only lints); install it with: npm install --save-dev kakao-codegen\n',
  );
  process.exitCode = 1;
} else {
  const { run } = (await import(pathToFileURL(generator).href)) as { run: Run };
  process.exitCode = await run(process.argv.slice(2));
}
