import { Router } from 'express';
import { signInBodySchema, type SessionResponse, type SignedOutResponse } from '@treaty-watch/shared';
import type { SessionService } from '../../services/session-service';
import { parseBody } from '../parse';
import { HttpProblem, problems } from '../problem';
import { assertSameOrigin } from '../same-origin';
import { sessionFoundOf } from '../session-auth';
import type { SignInFailures } from '../sign-in-failures';
import { clearSessionCookie, setSessionCookie } from '../session-cookie';

/** Signing in from a browser: the token is sent once and exchanged for a session cookie. */
export function sessionRoutes(deps: { sessions: SessionService; failures: SignInFailures; publicUrl: () => string | undefined }): Router {
  const router = Router();

  router.get('/session', (_req, res) => {
    const found = sessionFoundOf(res);
    if (found.state !== 'live') {
      throw new HttpProblem(
        problems.unauthorized(found.state === 'ended' ? 'The session has ended: sign in again.' : 'Nobody is signed in.'),
      );
    }
    const response: SessionResponse = { session: found.session };
    res.json(response);
  });

  router.post('/session', async (req, res) => {
    // Another site's page must not sign a reader's browser in as someone else either.
    assertSameOrigin(req, deps.publicUrl());
    await deps.failures.assertMayTry(req, res);
    const { token } = parseBody(signInBodySchema, req.body);
    const signedIn = await deps.sessions.signIn(token);
    if (!signedIn) {
      await deps.failures.failed(req);
      throw new HttpProblem(problems.unauthorized('The token is unknown or has been revoked.'));
    }
    setSessionCookie(req, res, signedIn.sessionId);
    const response: SessionResponse = { session: signedIn.session };
    res.status(201).json(response);
  });

  router.delete('/session', async (req, res) => {
    assertSameOrigin(req, deps.publicUrl());
    const found = sessionFoundOf(res);
    if (found.state === 'live') await deps.sessions.signOut(found.sessionId, found.principal);
    clearSessionCookie(req, res);
    const response: SignedOutResponse = { signedOut: true };
    res.json(response);
  });

  return router;
}
