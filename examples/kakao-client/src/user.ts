/** The logged-in user's profile. */
import { kakaoFetch, KakaoApiError, withRetry } from './http.js';
import { withFreshToken } from './token.js';
import type { KakaoSession } from './token.js';

export interface KakaoUser {
  id: number;
  connected_at?: string;
  kakao_account?: {
    email?: string;
    profile?: { nickname?: string; profile_image_url?: string };
  };
}

export function getMe(session: KakaoSession): Promise<KakaoUser> {
  return withFreshToken(session, (token) => withRetry(() => kakaoFetch<KakaoUser>('/v2/user/me', token)));
}

/** The nickname, from the old profile endpoint that an early version of the app used. */
export async function getNickname(session: KakaoSession): Promise<string | undefined> {
  try {
    const legacy = await withFreshToken(session, (token) =>
      kakaoFetch<{ properties?: { nickname?: string } }>('/v1/user/me', token),
    );
    return legacy.properties?.nickname;
  } catch (err) {
    // "This API has been deprecated": fall back to v2.
    if (err instanceof KakaoApiError && err.code === -9) {
      const me = await getMe(session);
      return me.kakao_account?.profile?.nickname;
    }
    throw err;
  }
}
