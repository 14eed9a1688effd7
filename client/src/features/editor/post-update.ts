import type { PostUpdateResponse, Problem, ScheduledResponse } from '@treaty-watch/shared';
import { ApiError, postJson } from '../../lib/api';

export interface Draft {
  treatyId: string;
  headline: string;
  body: string;
  sourceUrl: string;
  status: string;
  /** datetime-local, the editor's own time zone. */
  occurredAt: string;
  /** datetime-local: the embargo, empty to publish at once. */
  publishAt: string;
}

export const emptyDraft: Draft = { treatyId: '', headline: '', body: '', sourceUrl: '', status: '', occurredAt: '', publishAt: '' };

export type PostResult = { ok: true; response: PostUpdateResponse | ScheduledResponse } | { ok: false; problem: Problem };

/** Sends only what the editor filled in; the server's problem comes back as data. */
export async function postDraft(draft: Draft): Promise<PostResult> {
  const body: Record<string, string> = { headline: draft.headline };
  if (draft.body.trim()) body.body = draft.body;
  if (draft.sourceUrl.trim()) body.sourceUrl = draft.sourceUrl.trim();
  if (draft.status) body.status = draft.status;
  if (draft.occurredAt) body.occurredAt = new Date(draft.occurredAt).toISOString();
  if (draft.publishAt) body.publishAt = new Date(draft.publishAt).toISOString();
  try {
    const url = `/api/treaties/${encodeURIComponent(draft.treatyId)}/updates`;
    const response = await postJson<PostUpdateResponse | ScheduledResponse>(url, body);
    return { ok: true, response };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, problem: error.problem };
    throw error;
  }
}
