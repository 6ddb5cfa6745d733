/**
 * A window's camera link (视频监控): the address of its camera's stream or page in the video
 * system, which is outside Tongban. Supervisors open it beside the window's cases. Only the
 * address is kept: never credentials (they would show to every supervisor who reads the window).
 */
export type CameraLinkProblem =
  'NOT_A_URL' | 'SCHEME_NOT_ALLOWED' | 'CREDENTIALS_IN_URL' | 'TOO_LONG';

const SCHEMES = new Set(['http:', 'https:', 'rtsp:', 'rtsps:']);
export const CAMERA_LINK_MAX = 500;

/** The link as it is kept (trimmed), or why it cannot be; null clears it. */
export function cameraLinkOf(
  input: string | null,
): { link: string | null } | { problem: CameraLinkProblem } {
  const text = input?.trim() ?? '';
  if (text === '') return { link: null };
  if (text.length > CAMERA_LINK_MAX) return { problem: 'TOO_LONG' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'NOT_A_URL' };
  }
  if (!SCHEMES.has(url.protocol)) return { problem: 'SCHEME_NOT_ALLOWED' };
  if (!url.hostname) return { problem: 'NOT_A_URL' };
  if (url.username || url.password) return { problem: 'CREDENTIALS_IN_URL' };
  return { link: text };
}
