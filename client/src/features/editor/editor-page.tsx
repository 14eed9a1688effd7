import { useState, type FormEvent } from 'react';
import { HEADLINE_MAX, STATUS_LABELS, STATUSES, type Problem } from '@treaty-watch/shared';
import { useBoard } from '../../lib/use-board';
import { formatDateTime } from '../../lib/time';
import { Field, fieldError } from '../../components/field';
import { emptyDraft, postDraft, type Draft } from './post-update';
import { ScheduledSection } from './scheduled-list';
import { useScheduled } from './use-scheduled';
import { RequireSession } from '../../components/require-session';
import './editor.css';

export function EditorPage() {
  return <RequireSession role="editor">{() => <PostUpdateForm />}</RequireSession>;
}

function PostUpdateForm() {
  const { board } = useBoard();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [problem, setProblem] = useState<Problem>();
  const [posted, setPosted] = useState<string>();
  const [sending, setSending] = useState(false);
  const set = (part: Partial<Draft>) => setDraft((d) => ({ ...d, ...part }));
  const scheduled = useScheduled(board.seq);

  async function submit(event: FormEvent) {
    event.preventDefault();
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

  const shownElsewhere = problem?.status === 404 || problem?.status === 409 || problem?.errors?.some((e) => e.field);
  const general = problem && !shownElsewhere ? (problem.detail ?? problem.title) : undefined;
  return (
    <section className="editor form-page" aria-label="Post an update">
      <h1>Post an update</h1>
      <form onSubmit={submit} noValidate>
        <Field label="Treaty" error={problem?.status === 404 ? problem.detail : undefined}>
          {(props) => (
            <select {...props} value={draft.treatyId} onChange={(e) => set({ treatyId: e.target.value })} required>
              <option value="">Choose a treaty…</option>
              {board.treaties.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.shortName} ({STATUS_LABELS[t.status]})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Headline" error={fieldError(problem, 'headline')} hint={`${draft.headline.length} / ${HEADLINE_MAX}`}>
          {(props) => <input {...props} value={draft.headline} maxLength={HEADLINE_MAX} onChange={(e) => set({ headline: e.target.value })} required />}
        </Field>
        <Field label="Body" error={fieldError(problem, 'body')}>
          {(props) => <textarea {...props} rows={4} value={draft.body} onChange={(e) => set({ body: e.target.value })} />}
        </Field>
        <Field label="Source URL" error={fieldError(problem, 'sourceUrl')}>
          {(props) => <input {...props} type="url" inputMode="url" value={draft.sourceUrl} onChange={(e) => set({ sourceUrl: e.target.value })} />}
        </Field>
        <Field
          label="New status"
          error={fieldError(problem, 'status') ?? (problem?.status === 409 ? `${problem.detail ?? problem.title}${problem.allowed ? ` Allowed: ${problem.allowed.map((s) => STATUS_LABELS[s]).join(', ') || 'none (final)'}.` : ''}` : undefined)}
        >
          {(props) => (
            <select {...props} value={draft.status} onChange={(e) => set({ status: e.target.value })}>
              <option value="">No change</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Occurred at" error={fieldError(problem, 'occurredAt')} hint="Leave empty for now. Your local time.">
          {(props) => <input {...props} type="datetime-local" value={draft.occurredAt} onChange={(e) => set({ occurredAt: e.target.value })} />}
        </Field>
        <Field label="Publish at (embargo)" error={fieldError(problem, 'publishAt')} hint="Leave empty to publish now. Until then only editors see it. Your local time.">
          {(props) => <input {...props} type="datetime-local" value={draft.publishAt} onChange={(e) => set({ publishAt: e.target.value })} />}
        </Field>
        {general && (
          <p className="form-error" role="alert">
            {general}
          </p>
        )}
        <button type="submit" disabled={sending || !draft.treatyId}>
          {sending ? 'Posting…' : draft.publishAt ? 'Schedule update' : 'Post update'}
        </button>
        {posted && (
          <p className="form-success" aria-live="polite">
            {posted}
          </p>
        )}
      </form>
      <ScheduledSection list={scheduled.result} onChanged={scheduled.reload} />
    </section>
  );
}
