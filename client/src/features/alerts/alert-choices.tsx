import type { Cadence, Problem, TreatiesResponse } from '@treaty-watch/shared';
import { fieldError } from '../../components/field';
import { useApi } from '../../lib/use-api';

/** What a reader picks: every treaty or some, each change or a daily digest, and its hour. */
export interface Choices {
  all: boolean;
  treaties: string[];
  cadence: Cadence;
  hour: number;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00 UTC`;

/** The choices as a request body: an hour only for a digest, treaties only when not all. */
export function choicesBody(choices: Choices): { treaties?: string[]; cadence: Cadence; hour?: number } {
  return {
    ...(choices.all ? {} : { treaties: choices.treaties }),
    cadence: choices.cadence,
    ...(choices.cadence === 'daily' ? { hour: choices.hour } : {}),
  };
}

function ErrorLine({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="field-error" role="alert">
      {error}
    </p>
  ) : null;
}

/** The treaty, cadence and hour controls the subscribe and manage pages share; each group a fieldset with its legend and error. */
export function AlertChoices({
  choices,
  onChange,
  problem,
}: {
  choices: Choices;
  onChange: (next: Choices) => void;
  problem: Problem | undefined;
}) {
  const { result } = useApi<TreatiesResponse>('/api/treaties');
  const treatiesError = fieldError(problem, 'treaties');
  const cadenceError = fieldError(problem, 'cadence');
  const hourError = fieldError(problem, 'hour');
  const set = (change: Partial<Choices>) => onChange({ ...choices, ...change });
  const toggle = (id: string, on: boolean) => set({ treaties: on ? [...choices.treaties, id] : choices.treaties.filter((t) => t !== id) });
  return (
    <>
      <fieldset className={`choices${treatiesError ? ' has-error' : ''}`} aria-describedby={treatiesError ? 'treaties-error' : undefined}>
        <legend>Treaties</legend>
        <label className="choice">
          <input type="radio" name="which" checked={choices.all} onChange={() => set({ all: true })} /> Every treaty, including any added
          later
        </label>
        <label className="choice">
          <input type="radio" name="which" checked={!choices.all} onChange={() => set({ all: false })} /> Only the treaties I pick
        </label>
        {!choices.all && result.state === 'loaded' && (
          <ul className="treaty-picks">
            {result.data.treaties.map((treaty) => (
              <li key={treaty.id}>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={choices.treaties.includes(treaty.id)}
                    onChange={(e) => toggle(treaty.id, e.target.checked)}
                  />{' '}
                  {treaty.shortName} <span className="hint">{treaty.name}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {!choices.all && result.state === 'error' && <p className="field-error">Could not load the treaties: {result.message}</p>}
        <ErrorLine id="treaties-error" error={treatiesError} />
      </fieldset>
      <fieldset className={`choices${cadenceError ? ' has-error' : ''}`} aria-describedby={cadenceError ? 'cadence-error' : undefined}>
        <legend>How often</legend>
        <label className="choice">
          <input type="radio" name="cadence" checked={choices.cadence === 'immediate'} onChange={() => set({ cadence: 'immediate' })} /> A
          message for each change, as it happens
        </label>
        <label className="choice">
          <input type="radio" name="cadence" checked={choices.cadence === 'daily'} onChange={() => set({ cadence: 'daily' })} /> One digest
          a day
        </label>
        <ErrorLine id="cadence-error" error={cadenceError} />
      </fieldset>
      {choices.cadence === 'daily' && (
        <div className={`field${hourError ? ' has-error' : ''}`}>
          <label htmlFor="digest-hour">Hour of the digest (UTC)</label>
          <select
            id="digest-hour"
            value={choices.hour}
            onChange={(e) => set({ hour: Number(e.target.value) })}
            aria-describedby={hourError ? 'hour-error' : undefined}
            aria-invalid={hourError ? true : undefined}
          >
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour)}
              </option>
            ))}
          </select>
          <ErrorLine id="hour-error" error={hourError} />
        </div>
      )}
    </>
  );
}
