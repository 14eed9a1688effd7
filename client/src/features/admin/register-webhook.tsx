import { useState, type SubmitEvent } from 'react';
import { CHANGE_KINDS, type ChangeKind, type CreateWebhookResponse, type Problem, type WebhookFormat } from '@treaty-watch/shared';
import { Field, fieldError } from '../../components/field';
import { TreatyOptions } from '../../components/treaty-options';
import { ApiError, postJson } from '../../lib/api';
import { useBoard } from '../../lib/use-board';
import { FormatField } from './format-field';
import { MessagePreview } from './message-preview';

/** Registers an endpoint and shows its secret, once: the partner needs it to check signatures. */
export function RegisterWebhook({ onRegistered }: { onRegistered: () => void }) {
  const { board } = useBoard();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [treaties, setTreaties] = useState<string[]>([]);
  const [kinds, setKinds] = useState<ChangeKind[]>([]);
  const [format, setFormat] = useState<WebhookFormat>('standard');
  const [problem, setProblem] = useState<Problem>();
  const [created, setCreated] = useState<CreateWebhookResponse>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    try {
      const body = {
        url,
        format,
        ...(description ? { description } : {}),
        ...(treaties.length ? { treaties } : {}),
        ...(kinds.length ? { kinds } : {}),
      };
      setCreated(await postJson<CreateWebhookResponse>('/api/webhooks', body));
      setProblem(undefined);
      setUrl('');
      setDescription('');
      onRegistered();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.problem);
    }
  }

  const toggle = (kind: ChangeKind) => setKinds((list) => (list.includes(kind) ? list.filter((k) => k !== kind) : [...list, kind]));
  return (
    <form className="register-webhook" onSubmit={(event) => void submit(event)} noValidate aria-label="Register an endpoint">
      <h2>Register an endpoint</h2>
      <Field label="Endpoint URL" error={fieldError(problem, 'url')}>
        {(props) => <input {...props} type="url" value={url} onChange={(e) => setUrl(e.target.value)} required />}
      </Field>
      <FormatField value={format} onChange={setFormat} problem={problem} />
      <MessagePreview format={format} />
      <Field label="Description" error={fieldError(problem, 'description')}>
        {(props) => <input {...props} value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field label="Only these treaties" hint="None chosen: every treaty." error={fieldError(problem, 'treaties')}>
        {(props) => (
          <select
            {...props}
            multiple
            size={5}
            value={treaties}
            onChange={(e) => setTreaties([...e.target.selectedOptions].map((o) => o.value))}
          >
            <TreatyOptions treaties={board.treaties} />
          </select>
        )}
      </Field>
      <fieldset className="kinds">
        <legend>Only these changes (none ticked: every change)</legend>
        {CHANGE_KINDS.map((kind) => (
          <label key={kind}>
            <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggle(kind)} /> {kind}
          </label>
        ))}
      </fieldset>
      {problem && !problem.errors?.length && (
        <p className="field-error" role="alert">
          {problem.detail ?? problem.title}
        </p>
      )}
      <button type="submit">Register endpoint</button>
      {created && (
        <div className="secret" role="status">
          <p>
            Registered {created.endpoint.url}. Its signing secret, shown only now: give it to the partner to check the{' '}
            <code>webhook-signature</code> header.
          </p>
          <code className="secret-value">{created.secret}</code>
        </div>
      )}
    </form>
  );
}
