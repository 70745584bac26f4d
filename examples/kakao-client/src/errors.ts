/** What the UI shows when a Kakao call fails. */
import { KakaoApiError } from './http.js';

export function toUserMessage(err: unknown): string {
  if (!(err instanceof KakaoApiError)) return 'Something went wrong.';
  switch (err.code) {
    case -401:
      return 'Your Kakao login has expired. Please log in again.';
    case -402:
      return 'Please allow the app to use your Kakao profile.';
    case -101:
      return 'Connect your Kakao account first.';
    case -532:
      return 'You have sent too many messages today.';
    default:
      return `Kakao error ${err.code}: ${err.message}`;
  }
}
