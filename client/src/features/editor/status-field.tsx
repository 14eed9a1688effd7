import { STATUS_LABELS, statusSchema, type Problem, type Treaty } from '@treaty-watch/shared';
import { Field, fieldError } from '../../components/field';
import { allowedStatuses } from './post-rules';

/** What a refused status says: the server's reason and what the treaty can move to now. */
function conflictText(problem: Problem | undefined): string | undefined {
  if (problem?.status !== 409 || problem.allowedActions) return undefined;
  const allowed = problem.allowed ? ` Allowed now: ${problem.allowed.map((s) => STATUS_LABELS[s]).join(', ') || 'none (final)'}.` : '';
  return `${problem.detail ?? problem.title}${allowed}`;
}

/**
 * Only the statuses the treaty can move to now. A status chosen before the treaty moved
 * (a colleague posted meanwhile) stays chosen, marked, so nothing typed silently changes.
 */
export function StatusField({
  treaty,
  value,
  onChange,
  problem,
}: {
  treaty: Treaty | undefined;
  value: string;
  onChange: (status: string) => void;
  problem: Problem | undefined;
}) {
  const allowed = allowedStatuses(treaty);
  const held = statusSchema.safeParse(value);
  const stale = held.success && !allowed.includes(held.data) ? held.data : undefined;
  const hint =
    treaty && allowed.length === 0
      ? `${treaty.shortName} is ${STATUS_LABELS[treaty.status].toLowerCase()}: a final status, no other can follow.`
      : undefined;
  return (
    <Field label="New status" error={fieldError(problem, 'status') ?? conflictText(problem)} hint={hint}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">No change</option>
          {allowed.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
          {stale && <option value={stale}>{STATUS_LABELS[stale]} (not allowed now)</option>}
        </select>
      )}
    </Field>
  );
}
