/** The foot of every desk form on the treaty pages: what went wrong, the submit button, and Cancel where the form can close. */
export function DeskFormFooter({
  message,
  busy,
  label,
  busyLabel,
  onCancel,
}: {
  message?: string | undefined;
  busy: boolean;
  label: string;
  busyLabel: string;
  onCancel?: () => void;
}) {
  return (
    <>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      <p className="desk-actions">
        <button type="submit" aria-disabled={busy || undefined}>
          {busy ? busyLabel : label}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </p>
    </>
  );
}
