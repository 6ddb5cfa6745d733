import { CAMERA_LINK_MAX, cameraLinkOf } from './camera-link';

describe('a window’s camera link', () => {
  it('keeps a stream or page address of the video system, trimmed', () => {
    expect(cameraLinkOf(' rtsp://10.20.1.15:554/live/ch3 ')).toEqual({
      link: 'rtsp://10.20.1.15:554/live/ch3',
    });
    expect(cameraLinkOf('https://video.liucheng.gov.cn/window/03')).toEqual({
      link: 'https://video.liucheng.gov.cn/window/03',
    });
  });

  it('clears it when empty', () => {
    expect(cameraLinkOf(null)).toEqual({ link: null });
    expect(cameraLinkOf('   ')).toEqual({ link: null });
  });

  it('refuses what is not a link, a script, credentials and overlong text', () => {
    expect(cameraLinkOf('监控三号')).toEqual({ problem: 'NOT_A_URL' });
    expect(cameraLinkOf('javascript:alert(1)')).toEqual({ problem: 'SCHEME_NOT_ALLOWED' });
    expect(cameraLinkOf('file:///etc/passwd')).toEqual({ problem: 'SCHEME_NOT_ALLOWED' });
    expect(cameraLinkOf('rtsp://admin:12345@10.20.1.15/live')).toEqual({
      problem: 'CREDENTIALS_IN_URL',
    });
    expect(cameraLinkOf(`https://v.cn/${'a'.repeat(CAMERA_LINK_MAX)}`)).toEqual({
      problem: 'TOO_LONG',
    });
  });
});
