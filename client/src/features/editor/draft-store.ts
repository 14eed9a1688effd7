import { BODY_MAX, HEADLINE_MAX } from '@treaty-watch/shared';
import { emptyDraft, type Draft } from './post-update';

/**
 * The draft an editor is typing, kept for this tab in sessionStorage: a session that ends
 * mid-typing sends them to /signin and back, and the page they return to still holds it.
 * Only what they typed is kept; the token never reaches page scripts at all.
 */
const KEY = 'treaty-watch.editor-draft';

/** Anything longer than the form allows was not typed into it. */
const LONGEST = BODY_MAX + HEADLINE_MAX;

/** A kept draft as text, read field by field: anything not a string of a sane length is left empty. */
export function parseDraft(text: string | null): Draft {
  let held: unknown;
  try {
    held = JSON.parse(text ?? 'null');
  } catch {
    return emptyDraft;
  }
  if (typeof held !== 'object' || held === null) return emptyDraft;
  const draft = { ...emptyDraft };
  for (const field of Object.keys(emptyDraft) as (keyof Draft)[]) {
    const value: unknown = Object.hasOwn(held, field) ? (held as Record<string, unknown>)[field] : undefined;
    if (typeof value === 'string' && value.length <= LONGEST) draft[field] = value;
  }
  return draft;
}

export function loadDraft(): Draft {
  try {
    return parseDraft(sessionStorage.getItem(KEY));
  } catch {
    return emptyDraft;
  }
}

export function saveDraft(draft: Draft): void {
  try {
    const empty = (Object.keys(emptyDraft) as (keyof Draft)[]).every((field) => field === 'treatyId' || draft[field] === '');
    if (empty) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // A browser that refuses storage (private mode, quota) still posts; the draft just lives in memory.
  }
}
