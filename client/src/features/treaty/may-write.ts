import type { Session } from '@treaty-watch/shared';
import type { SessionState } from '../../lib/session';

/** Whether the signed-in person may correct and retract this treaty's updates: an editor within their scope, or an admin. */
export function mayWrite(state: SessionState, treatyId: string): boolean {
  if (state.state !== 'signed-in') return false;
  const { treaties }: Session = state.session;
  return !treaties || treaties.includes(treatyId);
}

export function isAdmin(state: SessionState): boolean {
  return state.state === 'signed-in' && state.session.role === 'admin';
}
