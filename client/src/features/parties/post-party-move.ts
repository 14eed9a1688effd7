import type { PartyAction, PostUpdateResponse, Problem } from '@treaty-watch/shared';
import { ApiError, postJson } from '../../lib/api';

export interface MoveDraft {
  code: string;
  action: PartyAction | '';
  /** yyyy-mm-dd, UTC: the day the record gives the act. */
  on: string;
  sourceUrl: string;
  headline: string;
}

export const todayUtc = (now: number) => new Date(now).toISOString().slice(0, 10);

export type MoveResult = { ok: true; response: PostUpdateResponse } | { ok: false; problem: Problem };

/**
 * Posts the update that moves the state. An act of today is posted as happening now; an
 * earlier day is backdated to that day's start (UTC), as the record's own days are.
 */
export async function postPartyMove(treatyId: string, draft: MoveDraft, now: number): Promise<MoveResult> {
  const body: Record<string, unknown> = { headline: draft.headline, party: { code: draft.code, action: draft.action } };
  if (draft.sourceUrl.trim()) body.sourceUrl = draft.sourceUrl.trim();
  if (draft.on && draft.on !== todayUtc(now)) body.occurredAt = `${draft.on}T00:00:00.000Z`;
  try {
    return { ok: true, response: await postJson<PostUpdateResponse>(`/api/treaties/${encodeURIComponent(treatyId)}/updates`, body) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, problem: error.problem };
    throw error;
  }
}
