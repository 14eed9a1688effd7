import type { PostUpdateBody, PostUpdateResponse, Problem } from '@treaty-watch/shared';
import { ApiError, postJson } from '../../lib/api';

export interface Draft {
  treatyId: string;
  headline: string;
  body: string;
  sourceUrl: string;
  status: string;
  /** datetime-local, the editor's own time zone. */
  occurredAt: string;
}

export const emptyDraft: Draft = { treatyId: '', headline: '', body: '', sourceUrl: '', status: '', occurredAt: '' };

export type PostResult = { ok: true; response: PostUpdateResponse } | { ok: false; problem: Problem };

/** Sends only what the editor filled in; the server's problem comes back as data. */
export async function postDraft(draft: Draft, token: string): Promise<PostResult> {
  const body: Record<string, string> = { headline: draft.headline };
  if (draft.body.trim()) body.body = draft.body;
  if (draft.sourceUrl.trim()) body.sourceUrl = draft.sourceUrl.trim();
  if (draft.status) body.status = draft.status;
  if (draft.occurredAt) body.occurredAt = new Date(draft.occurredAt).toISOString();
  try {
    const response = await postJson<PostUpdateResponse>(`/api/treaties/${encodeURIComponent(draft.treatyId)}/updates`, body as PostUpdateBody, token);
    return { ok: true, response };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, problem: error.problem };
    throw error;
  }
}
