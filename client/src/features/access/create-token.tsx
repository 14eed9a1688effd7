import { useState, type SubmitEvent } from 'react';
import { ROLES, type CreateTokenResponse, type Problem, type Role } from '@treaty-watch/shared';
import { Field, fieldError } from '../../components/field';
import { ApiError, postJson } from '../../lib/api';
import { useBoard } from '../../lib/use-board';
import { TokenValue } from './token-value';

/** "Create token": name, role and, for an editor, the treaties it may write to. */
export function CreateToken({ onCreated }: { onCreated: () => void }) {
  const { board } = useBoard();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [treaties, setTreaties] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [created, setCreated] = useState<CreateTokenResponse>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    try {
      const body = { name, role, ...(role === 'editor' && treaties.length ? { treaties } : {}) };
      setCreated(await postJson<CreateTokenResponse>('/api/tokens', body));
      setProblem(undefined);
      setName('');
      setTreaties([]);
      onCreated();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.problem);
    }
  }

  const toggle = (id: string) => setTreaties((list) => (list.includes(id) ? list.filter((t) => t !== id) : [...list, id]));
  const nameError = fieldError(problem, 'name') ?? (problem?.status === 409 ? (problem.detail ?? problem.title) : undefined);
  const general = problem && !problem.errors?.length && problem.status !== 409 ? (problem.detail ?? problem.title) : undefined;
  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-token-title">
      <h2 id="create-token-title">Create token</h2>
      <Field label="Name" error={nameError} hint="Updates are signed with it, e.g. arms-desk.">
        {(props) => <input {...props} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} required />}
      </Field>
      <Field
        label="Role"
        error={fieldError(problem, 'role')}
        hint="Editors post, correct and retract; admins also manage treaties, tokens and webhooks."
      >
        {(props) => (
          <select {...props} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === 'editor' && (
        <fieldset aria-describedby={fieldError(problem, 'treaties') ? 'token-treaties-error' : undefined}>
          <legend>Treaties (none ticked: every treaty)</legend>
          {board.treaties.map((t) => (
            <label key={t.id}>
              <input type="checkbox" checked={treaties.includes(t.id)} onChange={() => toggle(t.id)} /> {t.shortName}
            </label>
          ))}
          {fieldError(problem, 'treaties') && (
            <p id="token-treaties-error" className="field-error" role="alert">
              {fieldError(problem, 'treaties')}
            </p>
          )}
        </fieldset>
      )}
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
      <button type="submit">Create token</button>
      {created && <TokenValue created={created} />}
    </form>
  );
}
