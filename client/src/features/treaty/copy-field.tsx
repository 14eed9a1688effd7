import { useState } from 'react';

/** Code to paste elsewhere, read-only, with a button that copies it. */
export function CopyField({ id, label, value, rows = 2 }: { id: string; label: string; value: string; rows?: number }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly rows={rows} value={value} />
      <button
        type="button"
        aria-describedby={id}
        onClick={() => {
          // The DOM types promise a clipboard, but a page served over plain HTTP has none.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : 'Copy the code'}
      </button>
    </div>
  );
}
