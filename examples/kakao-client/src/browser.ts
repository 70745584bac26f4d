/** In the browser: the Kakao JavaScript SDK, loaded by a <script> tag as `window.Kakao`. */
interface KakaoLoginStatus {
  status: 'connected' | 'not_connected';
  user?: { id: number };
}

interface KakaoSdk {
  init(javascriptKey: string): void;
  Auth: {
    getStatus(callback: (status: KakaoLoginStatus) => void): void;
    getStatusInfo(): Promise<KakaoLoginStatus>;
  };
}

declare global {
  interface Window {
    Kakao: KakaoSdk;
  }
}

export function isLoggedIn(): Promise<boolean> {
  return new Promise((resolve) => {
    window.Kakao.Auth.getStatus((result) => resolve(result.status === 'connected'));
  });
}
