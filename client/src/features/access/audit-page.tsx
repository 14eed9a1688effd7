import { useState } from 'react';
import { AUDIT_ACTIONS, type AuditResponse, type TokensResponse } from '@treaty-watch/shared';
import { Field } from '../../components/field';
import { RequireSession } from '../../components/require-session';
import { TreatyOptions } from '../../components/treaty-options';
import { useBoard } from '../../lib/use-board';
import { useApi } from '../../lib/use-api';
import { AuditTable } from './audit-table';
import './access.css';

const PAGE = 50;

/** `/admin/audit`: who did what, when, with which token; by token, treaty and kind, a page at a time. */
export function AuditPage() {
  return <RequireSession role="admin">{() => <Audit />}</RequireSession>;
}

function Audit() {
  const { board } = useBoard();
  const tokens = useApi<TokensResponse>('/api/tokens');
  const [token, setToken] = useState('');
  const [treaty, setTreaty] = useState('');
  const [kind, setKind] = useState('');
  // The pages read so far, newest first: each holds the id the next one starts before.
  const [pages, setPages] = useState<number[]>([]);
  const before = pages.at(-1);
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (token) query.set('token', token);
  if (treaty) query.set('treaty', treaty);
  if (kind) query.set('kind', kind);
  if (before !== undefined) query.set('before', String(before));
  const { result } = useApi<AuditResponse>(`/api/audit?${query.toString()}`, board.seq);
  const filter = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPages([]);
  };
  const known = tokens.result.state === 'loaded' ? tokens.result.data.tokens : [];
  const names = new Map<string, string>([['env:ADMIN_TOKEN', 'ADMIN_TOKEN'], ...known.map((t) => [t.id, t.name] as [string, string])]);
  const entries = result.state === 'loaded' ? result.data.entries : [];

  return (
    <section className="access form-page" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit trail</h1>
      <div className="filters" role="search" aria-label="Filter the audit trail">
        <Field label="Token">
          {(props) => (
            <select {...props} value={token} onChange={(e) => filter(setToken)(e.target.value)}>
              <option value="">Any token</option>
              {[...names].map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Treaty">
          {(props) => (
            <select {...props} value={treaty} onChange={(e) => filter(setTreaty)(e.target.value)}>
              <option value="">Any treaty</option>
              <TreatyOptions treaties={board.treaties} />
            </select>
          )}
        </Field>
        <Field label="Kind">
          {(props) => (
            <select {...props} value={kind} onChange={(e) => filter(setKind)(e.target.value)}>
              <option value="">Any kind</option>
              {AUDIT_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {result.state === 'loading' && <p className="loading">Loading the audit trail…</p>}
      {result.state === 'error' && (
        <p className="field-error" role="alert">
          Could not load the audit trail: {result.message}
        </p>
      )}
      {result.state === 'loaded' &&
        (entries.length === 0 ? <p className="empty">Nothing recorded matches.</p> : <AuditTable entries={entries} names={names} />)}
      <div className="pager">
        <button type="button" className="secondary" disabled={pages.length === 0} onClick={() => setPages([])}>
          Newest
        </button>
        <button type="button" className="secondary" disabled={pages.length === 0} onClick={() => setPages((p) => p.slice(0, -1))}>
          Newer
        </button>
        <button
          type="button"
          className="secondary"
          disabled={entries.length < PAGE}
          onClick={() => {
            const last = entries.at(-1);
            if (last) setPages((p) => [...p, last.id]);
          }}
        >
          Older
        </button>
      </div>
    </section>
  );
}
