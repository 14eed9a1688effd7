import { useState } from 'react';
import type { Treaty } from '@treaty-watch/shared';

/** The `<iframe>` a desk pastes into an article for a live widget of this treaty. */
export function EmbedSnippet({ treaty }: { treaty: Treaty }) {
  const [copied, setCopied] = useState(false);
  const snippet = `<iframe src="${window.location.origin}/embed/treaty/${treaty.id}" title="${treaty.shortName} on Treaty Watch" width="380" height="170" style="border:0" loading="lazy"></iframe>`;
  return (
    <section className="embed-snippet" aria-label="Embed">
      <h2>Embed</h2>
      <label htmlFor="embed-code">A live widget for an article (its site must be allowed in EMBED_ORIGINS)</label>
      <textarea id="embed-code" readOnly rows={3} value={snippet} />
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(snippet).then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : 'Copy the code'}
      </button>
    </section>
  );
}
