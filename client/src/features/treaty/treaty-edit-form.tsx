import { useRef, useState, type SubmitEvent } from 'react';
import type { Problem, Treaty, TreatyDetailResponse } from '@treaty-watch/shared';
import { apiFetch, ApiError, problemText } from '../../lib/api';
import { Field, fieldError } from '../../components/field';
import { useFocusFirstError } from '../../lib/focus-first-error';
import { TreatyConflict } from './treaty-conflict';
import { TreatyFields } from './treaty-fields';
import { changeBody, conflictsOf, formOf, reapply, type Conflict, type TreatyForm } from './treaty-form-values';

type Opened = { version: number; form: TreatyForm };

/**
 * "Edit treaty": the change goes with If-Match, the version the form was opened at. When
 * someone else saved meanwhile, the server refuses (409) and the form shows what they changed;
 * the admin reapplies their edit on top of the new version, so nobody's change is overwritten unseen.
 */
export function TreatyEditForm({ treaty, onDone }: { treaty: Treaty; onDone: (saved: boolean) => void }) {
  const [opened, setOpened] = useState<Opened>(() => ({ version: treaty.version, form: formOf(treaty) }));
  const [typed, setTyped] = useState<TreatyForm>(opened.form);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [message, setMessage] = useState<string>();
  const [note, setNote] = useState<string>();
  const [conflict, setConflict] = useState<{ newer: Opened; conflicts: Conflict[] }>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, problem);

  async function showConflict(): Promise<void> {
    const { treaty: newer } = await apiFetch<TreatyDetailResponse>(`/api/treaties/${encodeURIComponent(treaty.id)}`);
    const newerForm = formOf(newer);
    setConflict({ newer: { version: newer.version, form: newerForm }, conflicts: conflictsOf(opened.form, newerForm, typed) });
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (saving) return;
    const body = changeBody(opened.form, typed, effectiveFrom);
    if (!body) {
      setNote('Nothing was changed: edit a field, or cancel.');
      return;
    }
    setSaving(true);
    setProblem(undefined);
    setMessage(undefined);
    setNote(undefined);
    try {
      await apiFetch(`/api/treaties/${encodeURIComponent(treaty.id)}`, {
        method: 'PATCH',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'if-match': `"${opened.version}"` },
        body: JSON.stringify(body),
      });
      onDone(true);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.problem.status === 409) {
        await showConflict().catch((reload: unknown) =>
          setMessage(`Someone else changed this treaty, and it could not be loaded again: ${problemText(reload)}`),
        );
        return;
      }
      if (error instanceof ApiError) setProblem(error.problem);
      setMessage(`The treaty was not saved: ${problemText(error)}`);
    }
  }

  function reapplyMine() {
    if (!conflict) return;
    setTyped(reapply(opened.form, conflict.newer.form, typed));
    setOpened(conflict.newer);
    setConflict(undefined);
    setMessage(undefined);
    setNote(`Your edit is now on version ${conflict.newer.version}. Check it, then save again.`);
    requestAnimationFrame(() => form.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus());
  }

  function discardMine() {
    if (!conflict) return;
    setTyped(conflict.newer.form);
    setOpened(conflict.newer);
    setConflict(undefined);
    setMessage(undefined);
    setNote(`The form now shows version ${conflict.newer.version}.`);
  }

  return (
    <form
      ref={form}
      className="desk-form treaty-edit"
      onSubmit={(event) => void save(event)}
      aria-label={`Edit ${treaty.shortName}`}
      noValidate
    >
      <h2>Edit {treaty.shortName}</h2>
      {conflict && (
        <TreatyConflict conflicts={conflict.conflicts} version={conflict.newer.version} onReapply={reapplyMine} onDiscard={discardMine} />
      )}
      <TreatyFields typed={typed} onChange={setTyped} problem={problem} />
      <Field
        label="Effective from"
        error={fieldError(problem, 'effectiveAt')}
        hint="The day the change takes effect on the board and in its history; empty means now."
      >
        {(props) => <input {...props} type="date" value={effectiveFrom} onChange={(event) => setEffectiveFrom(event.target.value)} />}
      </Field>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      <p className="hint" role="status">
        {note}
      </p>
      <p className="desk-actions">
        <button type="submit" disabled={conflict !== undefined} aria-disabled={saving || undefined}>
          {saving ? 'Saving…' : 'Save treaty'}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </p>
    </form>
  );
}
