import type { TokensResponse } from '@treaty-watch/shared';
import { RequireSession } from '../../components/require-session';
import { useApi } from '../../lib/use-api';
import { CreateToken } from './create-token';
import { TokenRow } from './token-row';
import './access.css';

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
          <div className="table-scroll" role="region" aria-label="Tokens" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Revoked</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.data.tokens.map((token) => (
                  <TokenRow key={token.id} token={token} own={token.id === ownTokenId} onRevoked={reload} />
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
