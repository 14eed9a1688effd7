import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { Problem, Update } from '@treaty-watch/shared';
import { ApiError, postJson, problemText } from '../../lib/api';
import { Field, fieldError } from '../../components/field';
import { useFocusFirstError } from './focus-first-error';
import { DeskFormFooter } from './desk-form-footer';

/** Retraction asks why: readers see the reason beside the struck update. */
export function RetractForm({ update, onDone }: { update: Update; onDone: (saved: boolean) => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [message, setMessage] = useState<string>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, problem);
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function retract(event: SubmitEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setProblem(undefined);
    setMessage(undefined);
    try {
      await postJson(`/api/updates/${encodeURIComponent(update.id)}/retract`, { reason });
      onDone(true);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError) setProblem(error.problem);
      setMessage(`The update was not retracted: ${problemText(error)}`);
    }
  }

  return (
    <form ref={form} className="desk-form" onSubmit={(event) => void retract(event)} aria-label={`Retract “${update.headline}”`} noValidate>
      <Field label="Reason" error={fieldError(problem, 'reason')} hint="Shown to readers beside the struck update.">
        {(props) => <textarea {...props} ref={first} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      <DeskFormFooter message={message} busy={saving} label="Retract update" busyLabel="Retracting…" onCancel={() => onDone(false)} />
    </form>
  );
}
