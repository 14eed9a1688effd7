import type { TokensResponse } from '@treaty-watch/shared';
import { DataTable } from '../../components/data-table';
import { RequireSession } from '../../components/require-session';
import { useApi } from '../../lib/use-api';
import { CreateToken } from './create-token';
import { TokenRow } from './token-row';
import './access.css';

const COLUMNS = [
  'Name',
  'Role',
  'Scope',
  'Created',
  'Last used',
  'Revoked',
  <span key="actions" className="visually-hidden">
    Actions
  </span>,
];

/** `/admin/tokens`: who may write, handing a colleague a token, and taking one back. */
export function TokensPage() {
  return <RequireSession role="admin">{(session) => <Tokens ownTokenId={session.tokenId} />}</RequireSession>;
}

function Tokens({ ownTokenId }: { ownTokenId: string }) {
  const { result, reload } = useApi<TokensResponse>('/api/tokens');
  return (
    <section className="access form-page" aria-labelledby="tokens-title">
      <h1 id="tokens-title">Tokens</h1>
      <CreateToken onCreated={reload} />
      <h2>Every token</h2>
      {result.state === 'loading' && <p className="loading">Loading the tokens…</p>}
      {result.state === 'error' && (
        <p className="field-error" role="alert">
          Could not load the tokens: {result.message}
        </p>
      )}
      {result.state === 'loaded' &&
        (result.data.tokens.length === 0 ? (
          <p className="empty">No token has been made yet, besides ADMIN_TOKEN.</p>
        ) : (
          <DataTable
            label="Tokens"
            columns={COLUMNS}
            rows={result.data.tokens.map((token) => (
              <TokenRow key={token.id} token={token} own={token.id === ownTokenId} onRevoked={reload} />
            ))}
          />
        ))}
    </section>
  );
}
