import { useEffect, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react';
import { STATUS_LABELS, type Problem, type Session } from '@treaty-watch/shared';
import { useBoard } from '../../lib/use-board';
import { useNow } from '../../lib/use-now';
import { formatDateTime } from '../../lib/time';
import { Field, fieldError } from '../../components/field';
import { HeadlineField } from '../../components/headline-field';
import { emptyDraft, postDraft, type Draft } from './post-update';
import { loadDraft, saveDraft } from './draft-store';
import { DeskActivity, secondsAgo } from './desk-activity';
import { PostPreview } from './post-preview';
import { recentDuplicate } from './post-rules';
import { StatusField } from './status-field';
import { ScheduledSection } from './scheduled-section';
import { useScheduled } from './use-scheduled';
import { RequireSession } from '../../components/require-session';
import './editor.css';

export function EditorPage() {
  return <RequireSession role="editor">{(session) => <PostUpdateForm session={session} />}</RequireSession>;
}

const inScope = (session: Session, treatyId: string) => !session.treaties || session.treaties.includes(treatyId);

function PostUpdateForm({ session }: { session: Session }) {
  const { board } = useBoard();
  const now = useNow();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(loadDraft);
  const [problem, setProblem] = useState<Problem>();
  const [posted, setPosted] = useState<string>();
  const [sending, setSending] = useState(false);
  const set = (part: Partial<Draft>) => setDraft((d) => ({ ...d, ...part }));
  const scheduled = useScheduled(board.seq);
  const treaty = board.treaties.find((t) => t.id === draft.treatyId);
  const duplicate = recentDuplicate(board.updates, draft.treatyId, draft.headline, now);
  useEffect(() => saveDraft(draft), [draft]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending || !draft.treatyId) return;
    setSending(true);
    setPosted(undefined);
    try {
      const result = await postDraft(draft);
      if (result.ok) {
        const { response } = result;
        setProblem(undefined);
        setPosted(
          'scheduled' in response
            ? `Under embargo until ${formatDateTime(response.scheduled.publishAt)}: “${response.scheduled.headline}”`
            : `Posted to ${response.treaty.shortName}: “${response.update.headline}”`,
        );
        setDraft({ ...emptyDraft, treatyId: draft.treatyId });
        scheduled.reload();
      } else {
        setProblem(result.problem);
      }
    } finally {
      setSending(false);
    }
  }

  // The shortcut of every CMS: post without leaving the keyboard, from any field of the form.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  }

  const shownElsewhere = problem?.status === 404 || problem?.status === 409 || problem?.errors?.some((e) => e.field);
  const general = problem && !shownElsewhere ? (problem.detail ?? problem.title) : undefined;
  return (
    <section className="editor form-page" aria-label="Post an update">
      <h1>Post an update</h1>
      <div className="editor-layout">
        <div className="editor-main">
          <form ref={form} onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} noValidate>
            <Field label="Treaty" error={problem?.status === 404 ? problem.detail : undefined}>
              {(props) => (
                <select {...props} value={draft.treatyId} onChange={(e) => set({ treatyId: e.target.value })} required>
                  <option value="">Choose a treaty…</option>
                  {board.treaties
                    .filter((t) => inScope(session, t.id))
                    .map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.shortName} ({STATUS_LABELS[t.status]})
                      </option>
                    ))}
                </select>
              )}
            </Field>
            <HeadlineField value={draft.headline} problem={problem} onChange={(headline) => set({ headline })} />
            {duplicate && (
              <p className="duplicate-warning" role="status">
                The same headline was posted to {treaty?.shortName ?? duplicate.treatyId} {secondsAgo(duplicate.publishedAt, now)} by{' '}
                {duplicate.author}. Post it again only if it is a new report.
              </p>
            )}
            <Field label="Body" error={fieldError(problem, 'body')}>
              {(props) => <textarea {...props} rows={4} value={draft.body} onChange={(e) => set({ body: e.target.value })} />}
            </Field>
            <Field label="Source URL" error={fieldError(problem, 'sourceUrl')}>
              {(props) => (
                <input {...props} type="url" inputMode="url" value={draft.sourceUrl} onChange={(e) => set({ sourceUrl: e.target.value })} />
              )}
            </Field>
            <StatusField treaty={treaty} value={draft.status} onChange={(status) => set({ status })} problem={problem} />
            <Field label="Occurred at" error={fieldError(problem, 'occurredAt')} hint="Leave empty for now. Your local time.">
              {(props) => (
                <input {...props} type="datetime-local" value={draft.occurredAt} onChange={(e) => set({ occurredAt: e.target.value })} />
              )}
            </Field>
            <Field
              label="Publish at (embargo)"
              error={fieldError(problem, 'publishAt')}
              hint="Leave empty to publish now. Until then only editors see it. Your local time."
            >
              {(props) => (
                <input {...props} type="datetime-local" value={draft.publishAt} onChange={(e) => set({ publishAt: e.target.value })} />
              )}
            </Field>
            {general && (
              <p className="form-error" role="alert">
                {general}
              </p>
            )}
            <button type="submit" disabled={sending || !draft.treatyId} aria-keyshortcuts="Control+Enter Meta+Enter">
              {sending ? 'Posting…' : draft.publishAt ? 'Schedule update' : 'Post update'}
            </button>
            <p className="hint">Ctrl+Enter (⌘+Enter on a Mac) posts from any field.</p>
            {posted && (
              <p className="form-success" aria-live="polite">
                {posted}
              </p>
            )}
          </form>
          <ScheduledSection list={scheduled.result} onChanged={scheduled.reload} />
        </div>
        <aside className="editor-side" aria-label="Preview and desk activity">
          <PostPreview draft={draft} treaty={treaty} author={session.name} now={now} />
          <DeskActivity updates={board.updates} treaties={board.treaties} now={now} />
        </aside>
      </div>
    </section>
  );
}
