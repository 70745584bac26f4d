/**
 * The names the generated module exports, all derived from the enum name. The lint rules use the
 * same function (e.g. to know that `isRetryableKakaoErrorCode(code)` is a retry guard), so this file
 * must not load ts-morph.
 */
import { lowerFirst, plural } from './text.js';

/** The exported names, all derived from `spec.enumName`. */
export interface GeneratedNames {
  /** The enum (or object + type), e.g. `KakaoErrorCode`. */
  readonly enumName: string;
  /** The metadata interface, e.g. `KakaoErrorCodeInfo`. */
  readonly infoType: string;
  /** The metadata table, e.g. `kakaoErrorCodeInfo`. */
  readonly infoTable: string;
  /** e.g. `getKakaoErrorCodeInfo`. */
  readonly getInfo: string;
  /** e.g. `isKakaoErrorCode`. */
  readonly isCode: string;
  /** e.g. `isRetryableKakaoErrorCode`. */
  readonly isRetryable: string;
  /** e.g. `getKakaoErrorCodeHttpStatus`. */
  readonly getHttpStatus: string;
  /** e.g. `describeKakaoErrorCode`. */
  readonly describe: string;
  /** e.g. `retryableKakaoErrorCodes`. */
  readonly retryableList: string;
}

export function generatedNames(enumName: string): GeneratedNames {
  return {
    enumName,
    infoType: `${enumName}Info`,
    infoTable: `${lowerFirst(enumName)}Info`,
    getInfo: `get${enumName}Info`,
    isCode: `is${enumName}`,
    isRetryable: `isRetryable${enumName}`,
    getHttpStatus: `get${enumName}HttpStatus`,
    describe: `describe${enumName}`,
    retryableList: `retryable${plural(enumName)}`,
  };
}

/** The order of members in the generated module: by |code|, then by code (so -1 comes before 1). */
export function compareCodes(a: number, b: number): number {
  return Math.abs(a) - Math.abs(b) || a - b;
}
