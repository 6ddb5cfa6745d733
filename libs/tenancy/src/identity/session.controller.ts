import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { Public, UnauthenticatedError } from '@tongban/core';
import type { Request, Response } from 'express';
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
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    requireSessionHeader(req);
    const token = refreshTokenFromCookies(req.headers.cookie);
    if (!token) throw new UnauthenticatedError('No session to refresh');
    try {
      const tokens = await this.identity.refresh(token);
      setRefreshCookie(req, res, tokens.refreshToken, this.identity.refreshTokenTtlSeconds);
      return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, tokenType: 'Bearer' };
    } catch (error) {
      res.append('Set-Cookie', clearedRefreshCookie(isSecure(req)));
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(200)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    requireSessionHeader(req);
    const token = refreshTokenFromCookies(req.headers.cookie);
    if (token) await this.identity.logoutWithRefreshToken(token);
    res.append('Set-Cookie', clearedRefreshCookie(isSecure(req)));
    return { loggedOut: true };
  }
}

function requireSessionHeader(req: Request): void {
  if (req.header(SESSION_CSRF_HEADER) !== '1') {
    throw new UnauthenticatedError(`The ${SESSION_CSRF_HEADER} header is required`);
  }
}

/** Secure outside plain-HTTP development: over TLS (behind a trusted proxy too) or in production. */
export function isSecure(req: Request): boolean {
  return req.secure || process.env.NODE_ENV === 'production';
}

export function setRefreshCookie(
  req: Request,
  res: Response,
  refreshToken: string,
  ttlSeconds: number,
): void {
  res.append('Set-Cookie', refreshCookie(refreshToken, ttlSeconds, isSecure(req)));
}
