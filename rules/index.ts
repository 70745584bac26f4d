import noMagicErrorCode from './no-magic-error-code.js';

export const rules = {
  'no-magic-error-code': noMagicErrorCode,
};
