import handleRetryableCodes from './handle-retryable-codes.js';
import noDeprecatedApi from './no-deprecated-api.js';
import noMagicErrorCode from './no-magic-error-code.js';

export const rules = {
  'handle-retryable-codes': handleRetryableCodes,
  'no-deprecated-api': noDeprecatedApi,
  'no-magic-error-code': noMagicErrorCode,
};
