/** Access tokens: refreshed through kauth.kakao.com when Kakao answers -401. */
import { KAKAO_AUTH, KakaoApiError } from './http.js';
import type { KakaoErrorBody } from './http.js';

export interface KakaoSession {
  restApiKey: string;
  accessToken: string;
  refreshToken: string;
}

interface TokenResponse {
  access_token: string;
  expires_in: number;
  /** Only sent when the refresh token itself is about to expire. */
  refresh_token?: string;
}

export async function refreshAccessToken(session: KakaoSession): Promise<void> {
  const response = await fetch(`${KAKAO_AUTH}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: session.restApiKey,
      refresh_token: session.refreshToken,
    }),
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new KakaoApiError(response.status, body as KakaoErrorBody);
  const token = body as TokenResponse;
  session.accessToken = token.access_token;
  if (token.refresh_token) session.refreshToken = token.refresh_token;
}

/** Runs `call` with the session's access token; on an expired token, refreshes it and tries once more. */
export async function withFreshToken<T>(session: KakaoSession, call: (accessToken: string) => Promise<T>): Promise<T> {
  try {
    return await call(session.accessToken);
  } catch (err) {
    if (err instanceof KakaoApiError && err.code === -401) {
      await refreshAccessToken(session);
      return call(session.accessToken);
    }
    throw err;
  }
}
