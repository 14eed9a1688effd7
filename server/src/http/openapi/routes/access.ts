import { del, get, needing, post } from './row';

/** Tokens, what was done with them, and the browser sessions they sign in. */
export const ACCESS_ROUTES = [
  ...needing('admin', [
    get('/api/tokens', 'List tokens (never their values)', 'TokensResponse'),
    post('/api/tokens', 'Create a token; its value is in this answer only', [201, 'CreateTokenResponse'], {
      body: 'CreateTokenBody',
      problems: [409],
    }),
    post('/api/tokens/{id}/revoke', 'Revoke a token at once', 'RevokeTokenResponse'),
    get('/api/audit', 'Who did what, newest first; only one token, treaty or kind of action when asked', 'AuditResponse', {
      query: 'AuditQuery',
    }),
  ]),
  get('/api/session', 'Who this browser is signed in as (the session cookie), or 401', 'SessionResponse', { problems: [401] }),
  post(
    '/api/session',
    'Sign a browser in with a token: sets an HttpOnly, SameSite=Strict session cookie; only from this server’s own pages (Origin)',
    [201, 'SessionResponse'],
    { body: 'SignInBody', problems: [401, 403] },
  ),
  del('/api/session', 'Sign out: the session ends and its cookie is cleared', 'SignedOutResponse', { problems: [403] }),
];
