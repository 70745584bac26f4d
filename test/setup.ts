// The rules require the spec model from the built package (dist/core/spec.js) when a setting names
// a spec; under vitest they run from the TypeScript sources, so the model is handed over here.
import * as specModule from '../core/spec.js';
import { provideSpecModule } from '../rules/utils/spec-module.js';

provideSpecModule(specModule);
