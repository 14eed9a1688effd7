import { useState } from 'react';
import type { CreateTokenResponse } from '@treaty-watch/shared';

/** The new token's value, shown this once: the server keeps only its hash. */
export function TokenValue({ created }: { created: CreateTokenResponse }) {
  const [copied, setCopied] = useState<string>();
  const copy = () => {
    navigator.clipboard.writeText(created.token).then(
      () => setCopied('Copied.'),
      () => setCopied('The browser refused to copy: select the value and copy it by hand.'),
    );
  };
  return (
    <div className="secret" role="status">
      <p className="warning">
        Token “{created.info.name}” ({created.info.role}) is made. Copy its value now and hand it over safely: it is shown only this once
        and cannot be seen again.
      </p>
      <label htmlFor="new-token-value">New token value</label>
      <input id="new-token-value" className="secret-value" readOnly value={created.token} onFocus={(e) => e.target.select()} />
      <button type="button" className="secondary" onClick={copy}>
        Copy
      </button>
      {copied && <p aria-live="polite">{copied}</p>}
    </div>
  );
}
