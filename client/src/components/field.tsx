import { useId, type ReactElement, type ReactNode } from 'react';
import type { Problem } from '@treaty-watch/shared';
import './field.css';

/** What a 400 says about one field (and the fields within it, such as `treaties.0`), for its control. */
export function fieldError(problem: Problem | undefined, field: string): string | undefined {
  return (
    problem?.errors
      ?.filter((e) => e.field === field || e.field.startsWith(`${field}.`))
      .map((e) => e.message)
      .join('; ') || undefined
  );
}

/** A labelled control with its error, if any, announced and tied to the control. */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: ReactNode;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactElement;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {}) })}
      {hint && <p className="hint">{hint}</p>}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
