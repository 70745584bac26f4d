/** A minimal client for the Kakao REST API (https://kapi.kakao.com) on top of fetch. */
import { isRetryableKakaoErrorCode } from './generated/kakao-error-codes.js';

export const KAKAO_API = 'https://kapi.kakao.com';
export const KAKAO_AUTH = 'https://kauth.kakao.com';

/** The body Kakao sends with a failed request: `{ "code": -401, "msg": "this access token does not exist" }`. */
export interface KakaoErrorBody {
  code: number;
  msg: string;
}

export class KakaoApiError extends Error {
  readonly status: number;
  readonly code: number;

  constructor(status: number, body: KakaoErrorBody) {
    super(body.msg);
    this.name = 'KakaoApiError';
    this.status = status;
    this.code = body.code;
  }
}

export interface KakaoRequest {
  method?: 'GET' | 'POST';
  /** Sent as application/x-www-form-urlencoded, as the Kakao APIs expect. */
  form?: Record<string, string>;
}

export async function kakaoFetch<T>(path: string, accessToken: string, request: KakaoRequest = {}): Promise<T> {
  const response = await fetch(`${KAKAO_API}${path}`, {
    method: request.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${accessToken}`,
      'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8',
    },
    body: request.form ? new URLSearchParams(request.form) : null,
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new KakaoApiError(response.status, body as KakaoErrorBody);
  return body as T;
}

/** Retries transient Kakao errors (the codes the spec marks retryable) with exponential back-off. */
export async function withRetry<T>(call: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof KakaoApiError) || !isRetryableKakaoErrorCode(err.code) || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
    }
  }
}
