import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { CorrectUpdateBody, Update } from '@treaty-watch/shared';
import { sendJson } from '../../lib/api';
import { useDeskSave } from '../../lib/use-desk-save';
import { Field, fieldError } from '../../components/field';
import { DeskFormFooter } from './desk-form-footer';

/** Only what the editor changed goes in the correction: an empty body or source removes it. */
function correction(update: Update, typed: { headline: string; body: string; sourceUrl: string }): CorrectUpdateBody | undefined {
  const body: CorrectUpdateBody = {};
  if (typed.headline !== update.headline) body.headline = typed.headline;
  if (typed.body !== (update.body ?? '')) body.body = typed.body;
  if (typed.sourceUrl !== (update.sourceUrl ?? '')) body.sourceUrl = typed.sourceUrl;
  return Object.keys(body).length > 0 ? body : undefined;
}

/** The update's wording, editable in place; a failed save keeps what was typed and says why next to the field. */
export function CorrectForm({ update, onDone }: { update: Update; onDone: (saved: boolean) => void }) {
  const [typed, setTyped] = useState({ headline: update.headline, body: update.body ?? '', sourceUrl: update.sourceUrl ?? '' });
  const { form, problem, message, setMessage, saving, save } = useDeskSave('The correction was not saved');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving) return;
    const body = correction(update, typed);
    if (!body) {
      setMessage('Nothing was changed: edit the wording, or cancel.');
      return;
    }
    await save(async () => {
      await sendJson('PATCH', `/api/updates/${encodeURIComponent(update.id)}`, body);
      onDone(true);
    });
  }

  const set = (field: keyof typeof typed) => (event: { target: { value: string } }) => setTyped({ ...typed, [field]: event.target.value });
  return (
    <form ref={form} className="desk-form" onSubmit={(event) => void submit(event)} aria-label={`Correct “${update.headline}”`} noValidate>
      <Field label="Headline" error={fieldError(problem, 'headline')}>
        {(props) => <input {...props} ref={first} value={typed.headline} onChange={set('headline')} maxLength={400} />}
      </Field>
      <Field label="Body" error={fieldError(problem, 'body')}>
        {(props) => <textarea {...props} rows={4} value={typed.body} onChange={set('body')} />}
      </Field>
      <Field label="Source URL" error={fieldError(problem, 'sourceUrl')} hint="Empty removes the source.">
        {(props) => <input {...props} type="url" value={typed.sourceUrl} onChange={set('sourceUrl')} />}
      </Field>
      <DeskFormFooter message={message} busy={saving} label="Save correction" busyLabel="Saving…" onCancel={() => onDone(false)} />
    </form>
  );
}
