/** "Send to me": a KakaoTalk memo to the logged-in user (/v2/api/talk/memo/default/send). */
import { kakaoFetch, KakaoApiError } from './http.js';
import { withFreshToken } from './token.js';
import type { KakaoSession } from './token.js';

export type SendResult = 'sent' | 'not-deliverable' | 'quota-exceeded';

export async function sendMemo(session: KakaoSession, text: string, link: string): Promise<SendResult> {
  const template = {
    object_type: 'text',
    text,
    link: { web_url: link, mobile_web_url: link },
    button_title: 'Open',
  };
  try {
    await withFreshToken(session, (token) =>
      kakaoFetch<{ result_code: number }>('/v2/api/talk/memo/default/send', token, {
        method: 'POST',
        form: { template_object: JSON.stringify(template) },
      }),
    );
    return 'sent';
  } catch (err) {
    if (!(err instanceof KakaoApiError)) throw err;
    // Not a KakaoTalk user, or messages from the app are turned off.
    if ([-501, -530].includes(err.code)) return 'not-deliverable';
    if (err.code === -531 || err.code === -532) return 'quota-exceeded';
    throw err;
  }
}

/** Whether the user has added the app's Kakao Talk Channel. */
export async function hasAddedChannel(session: KakaoSession): Promise<boolean> {
  const result = await withFreshToken(session, (token) =>
    kakaoFetch<{ plusFriends?: { relation: string }[] }>('/v1/api/talk/plusfriends', token),
  );
  return result.plusFriends?.some((channel) => channel.relation === 'ADDED') ?? false;
}
