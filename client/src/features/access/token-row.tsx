import { useEffect, useRef, useState } from 'react';
import type { TokenInfo } from '@treaty-watch/shared';
import { postJson, problemText } from '../../lib/api';
import { formatDateTime } from '../../lib/time';

/** One token; "Revoke" asks first, naming it, since scripts and signed-in desks using it stop at once. */
export function TokenRow({ token, own, onRevoked }: { token: TokenInfo; own: boolean; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function revoke() {
    try {
      await postJson(`/api/tokens/${encodeURIComponent(token.id)}/revoke`, {});
      setConfirming(false);
      onRevoked();
    } catch (failure) {
      setError(problemText(failure));
    }
  }

  const cancel = () => {
    setConfirming(false);
    revokeRef.current?.focus();
  };
  return (
    <tr className={token.revokedAt ? 'revoked' : undefined}>
      <th scope="row">{token.name}</th>
      <td>{token.role}</td>
      <td>{token.treaties ? token.treaties.join(', ') : 'all treaties'}</td>
      <td>{formatDateTime(token.createdAt)}</td>
      <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}</td>
      <td>{token.revokedAt ? formatDateTime(token.revokedAt) : 'no'}</td>
      <td>
        {!token.revokedAt && !confirming && (
          <button
            ref={revokeRef}
            type="button"
            className="secondary"
            aria-label={`Revoke ${token.name}`}
            onClick={() => setConfirming(true)}
          >
            Revoke
          </button>
        )}
        {confirming && (
          <div className="confirm" role="group" aria-label={`Confirm revoking ${token.name}`}>
            <p>
              Revoke “{token.name}”? Every script and signed-in desk using it is refused from its next request
              {own ? ', this session included' : ''}.
            </p>
            <button ref={confirmRef} type="button" onClick={() => void revoke()}>
              Revoke “{token.name}”
            </button>
            <button type="button" className="secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
        )}
        {error && (
          <p className="field-error" role="alert">
            Could not revoke {token.name}: {error}
          </p>
        )}
      </td>
    </tr>
  );
}
