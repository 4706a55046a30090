/**
 * The Host header allowlist, the guard against DNS rebinding: a page on attacker.example that
 * re-points its own name at 127.0.0.1 can make the user's browser send requests to a service on
 * loopback, but those requests still say `Host: attacker.example`. Only the names in
 * Config.allowedHosts (loopback, PUBLIC_HOSTNAME, ALLOWED_HOSTS) are answered; anything else gets
 * 421 Misdirected Request before any route runs — /graphql, /health, the web page and its
 * assets, exports alike, because it is mounted first.
 */
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../errors/index.js';

/** The host name of a Host header value, lower case and without the port ("[::1]:4000" → "[::1]"). */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return (colon === -1 ? h : h.slice(0, colon)).replace(/\.$/, '');
}

/** Express middleware answering 421 to a request whose Host is not in `allowed`. */
export function hostAllowlist(allowed: readonly string[]) {
  const names = new Set(allowed.map((h) => h.toLowerCase()));
  return (req: Request, res: Response, next: NextFunction) => {
    const host = req.headers.host;
    if (host !== undefined && names.has(hostName(host))) {
      next();
      return;
    }
    res.status(421).json({
      errors: [{ message: 'This service does not answer for that Host name. (Set PUBLIC_HOSTNAME or ALLOWED_HOSTS to add one.)', extensions: { code: ErrorCode.MISDIRECTED_REQUEST } }],
    });
  };
}
