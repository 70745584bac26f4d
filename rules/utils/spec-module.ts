/**
 * The spec model (`core/spec.ts`, built on zod) is loaded only to validate a spec that settings
 * name: the bundled spec is checked when the package is built, and zod is not a dependency of the
 * plugin (kakao-codegen, which a custom spec is made for, brings it).
 */
import { createRequire } from 'node:module';

export type SpecModule = typeof import('../../core/spec.js');

let specModule: SpecModule | undefined;

/** Installs the module instead of requiring it (the tests run the TypeScript sources, which Node cannot require). */
export function provideSpecModule(module: SpecModule): void {
  specModule = module;
}

export class SpecModuleMissingError extends Error {
  override readonly name = 'SpecModuleMissingError';
}

/** The spec model; throws SpecModuleMissingError when zod cannot be found. */
export function loadSpecModule(): SpecModule {
  if (specModule) return specModule;
  try {
    specModule = createRequire(import.meta.url)('../../core/spec.js') as SpecModule;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes("'zod'")) {
      throw new SpecModuleMissingError('validating a spec needs zod, which kakao-codegen brings: npm install --save-dev kakao-codegen');
    }
    throw error;
  }
  return specModule;
}
