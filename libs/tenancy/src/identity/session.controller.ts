import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  asServiceUnavailable,
  headerOf,
  HttpReply,
  HttpRequest,
  Public,
  UnauthenticatedError,
} from '@tongban/core';
import { IdentityService } from './identity.service';
import {
  clearedRefreshCookie,
  refreshCookie,
  refreshTokenFromCookies,
  SESSION_CSRF_HEADER,
} from './refresh-cookie';

/**
 * The browser's session endpoints: the refresh token travels only in its httpOnly cookie.
 * `POST /auth/refresh` rotates it and answers a new access token; `POST /auth/logout` ends
 * the session with no access token needed. Both want the custom header, which a cross-site
 * form cannot send.
 */
@Public()
@Controller('auth')
export class SessionController {
  constructor(private readonly identity: IdentityService) {}

  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    requireSessionHeader(req);
    const token = refreshTokenFromCookies(headerOf(req, 'cookie'));
    if (!token) throw new UnauthenticatedError('No session to refresh');
    try {
      const tokens = await this.identity.refresh(token);
      setRefreshCookie(req, res, tokens.refreshToken, this.identity.refreshTokenTtlSeconds);
      return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, tokenType: 'Bearer' };
    } catch (error) {
      // The database or Redis away says nothing of the session: keep the cookie, answer 503.
      const unavailable = asServiceUnavailable(error);
      if (unavailable) throw unavailable;
      res.header('set-cookie', clearedRefreshCookie(isSecure(req)));
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(200)
  async logout(@Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    requireSessionHeader(req);
    const token = refreshTokenFromCookies(headerOf(req, 'cookie'));
    if (token) {
      try {
        await this.identity.logoutWithRefreshToken(token);
      } catch (error) {
        throw asServiceUnavailable(error) ?? error;
      }
    }
    res.header('set-cookie', clearedRefreshCookie(isSecure(req)));
    return { loggedOut: true };
  }
}

function requireSessionHeader(req: HttpRequest): void {
  if (headerOf(req, SESSION_CSRF_HEADER) !== '1') {
    throw new UnauthenticatedError(`The ${SESSION_CSRF_HEADER} header is required`);
  }
}

/** Secure outside plain-HTTP development: over TLS (behind a trusted proxy too) or in production. */
export function isSecure(req: HttpRequest): boolean {
  return req.protocol === 'https' || process.env.NODE_ENV === 'production';
}

export function setRefreshCookie(
  req: HttpRequest,
  res: HttpReply,
  refreshToken: string,
  ttlSeconds: number,
): void {
  res.header('set-cookie', refreshCookie(refreshToken, ttlSeconds, isSecure(req)));
}
