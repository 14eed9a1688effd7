import { TREATY_FIELD_LABELS, describe, type Conflict } from './treaty-form-values';

/** What another admin saved while this form was open, field by field, beside what this admin typed. */
export function TreatyConflict({
  conflicts,
  version,
  onReapply,
  onDiscard,
}: {
  conflicts: Conflict[];
  version: number;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  return (
    <section className="treaty-conflict" role="alert" aria-labelledby="treaty-conflict-title">
      <h3 id="treaty-conflict-title">Someone else changed this treaty while you were editing (now version {version})</h3>
      <p>Nothing was saved. Their changes and yours:</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Theirs (saved)</th>
            <th scope="col">Yours (not saved)</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((conflict) => (
            <tr key={conflict.field} className={conflict.bothChanged ? 'both-changed' : undefined}>
              <th scope="row">
                {TREATY_FIELD_LABELS[conflict.field]}
                {conflict.bothChanged && <span className="hint"> (you both changed it)</span>}
              </th>
              <td>{describe(conflict.theirs)}</td>
              <td>{describe(conflict.yours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="desk-actions">
        <button type="button" onClick={onReapply}>
          Reapply my edit on version {version}
        </button>
        <button type="button" className="secondary" onClick={onDiscard}>
          Discard my edit
        </button>
      </p>
    </section>
  );
}
