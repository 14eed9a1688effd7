import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { Update } from '@treaty-watch/shared';
import { postJson } from '../../lib/api';
import { useDeskSave } from '../../lib/use-desk-save';
import { Field, fieldError } from '../../components/field';
import { DeskFormFooter } from './desk-form-footer';

/** Retraction asks why: readers see the reason beside the struck update. */
export function RetractForm({ update, onDone }: { update: Update; onDone: (saved: boolean) => void }) {
  const [reason, setReason] = useState('');
  const { form, problem, message, saving, save } = useDeskSave('The update was not retracted');
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function retract(event: SubmitEvent) {
    event.preventDefault();
    await save(async () => {
      await postJson(`/api/updates/${encodeURIComponent(update.id)}/retract`, { reason });
      onDone(true);
    });
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
