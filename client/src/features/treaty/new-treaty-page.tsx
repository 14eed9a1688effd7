import { useState, type SubmitEvent } from 'react';
import { CATEGORIES, type Category, type TreatyResponse } from '@treaty-watch/shared';
import { postJson } from '../../lib/api';
import { navigate } from '../../lib/router';
import { useDeskSave } from '../../lib/use-desk-save';
import { Field, fieldError } from '../../components/field';
import { RequireSession } from '../../components/require-session';
import { TreatyFields } from './treaty-fields';
import { createFields, emptyForm, instantOf, type TreatyForm } from './treaty-form-values';
import './treaty.css';
import './treaty-desk.css';
import { DeskFormFooter } from './desk-form-footer';

function NewTreatyForm() {
  const [id, setId] = useState('');
  const [category, setCategory] = useState<Category>(CATEGORIES[0]);
  const [parties, setParties] = useState('');
  const [typed, setTyped] = useState<TreatyForm>(emptyForm);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const { form, problem, message, saving, save } = useDeskSave('The treaty was not created');

  async function create(event: SubmitEvent) {
    event.preventDefault();
    await save(async () => {
      const { treaty } = await postJson<TreatyResponse>('/api/treaties', {
        id,
        category,
        parties,
        ...createFields(typed),
        ...(effectiveFrom ? { effectiveAt: instantOf(effectiveFrom) } : {}),
      });
      navigate(`/treaties/${encodeURIComponent(treaty.id)}`);
    });
  }

  return (
    <form ref={form} className="desk-form form-page" onSubmit={(event) => void create(event)} aria-labelledby="new-treaty-title" noValidate>
      <h1 id="new-treaty-title">New treaty</h1>
      <Field
        label="Id"
        error={fieldError(problem, 'id')}
        hint="Its address on the board, a lowercase slug such as new-start. It cannot change later."
      >
        {(props) => <input {...props} value={id} onChange={(event) => setId(event.target.value)} autoComplete="off" />}
      </Field>
      <Field label="Category" error={fieldError(problem, 'category')}>
        {(props) => (
          <select {...props} value={category} onChange={(event) => setCategory(event.target.value as Category)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Parties" error={fieldError(problem, 'parties')} hint="In words, e.g. “United States, Russia”.">
        {(props) => <input {...props} value={parties} onChange={(event) => setParties(event.target.value)} />}
      </Field>
      <TreatyFields typed={typed} onChange={setTyped} problem={problem} />
      <Field label="Effective from" error={fieldError(problem, 'effectiveAt')} hint="The day it appears on the board; empty means now.">
        {(props) => <input {...props} type="date" value={effectiveFrom} onChange={(event) => setEffectiveFrom(event.target.value)} />}
      </Field>
      <DeskFormFooter message={message} busy={saving} label="Create treaty" busyLabel="Creating…" />
    </form>
  );
}

/** `/admin/treaties/new`: an admin puts a treaty on the board. */
export function NewTreatyPage() {
  return <RequireSession role="admin">{() => <NewTreatyForm />}</RequireSession>;
}
