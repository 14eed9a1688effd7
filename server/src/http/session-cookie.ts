import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'tw_session';

/** The session cookie's value, if the request carries one: read by hand, never decoded. */
export function sessionCookieOf(req: Request): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === SESSION_COOKIE) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * HttpOnly: page scripts never see it. SameSite=Strict: another site's page cannot make the
 * browser send it. Secure when the request came over HTTPS (behind a proxy, as TRUST_PROXY says).
 * No Max-Age: the server decides when a session ends.
 */
export function setSessionCookie(req: Request, res: Response, sessionId: string): void {
  res.cookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}
