import { useId, useState, type SubmitEvent } from 'react';
import {
  COUNTRY_NAMES,
  PARTY_ACTION_LABELS,
  partyActionSchema,
  STANDING_LABELS,
  type PartyState,
  type Problem,
  type Treaty,
} from '@treaty-watch/shared';
import { Field, fieldError } from '../../components/field';
import { HeadlineField } from '../../components/headline-field';
import { shortCountryName } from '../../lib/party-summary-words';
import { useSession } from '../../lib/session';
import { useNow } from '../../lib/use-now';
import { actionsFor, moveHeadline } from './party-move-rules';
import { postPartyMove, todayUtc, type MoveDraft } from './post-party-move';

/** The fields whose errors are shown beside their control; any other problem is said under the form. */
const SHOWN_FIELDS = ['party.code', 'party.action', 'occurredAt', 'sourceUrl', 'headline'];

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');

/** A refused move: the server's reason and what the state can do now (the record may have moved meanwhile). */
function conflictText(problem: Problem | undefined, code: string): string | undefined {
  if (problem?.status !== 409) return undefined;
  const can = problem.allowedActions?.map((a) => PARTY_ACTION_LABELS[a]).join(', ');
  const now = problem.allowedActions ? ` ${shortCountryName(code)} can now: ${can || 'nothing'}.` : '';
  return `${problem.detail ?? problem.title}${now}`;
}

/** "Record a change": an editor moves one state, by posting the update that says so. */
export function RecordChange({ treaty, states }: { treaty: Treaty; states: readonly PartyState[] }) {
  const formId = useId();
  const today = todayUtc(useNow(60_000));
  const [open, setOpen] = useState(false);
  const blank = (): MoveDraft => ({ code: '', action: '', on: todayUtc(Date.now()), sourceUrl: '', headline: '' });
  const [draft, setDraft] = useState<MoveDraft>(blank);
  const [ownHeadline, setOwnHeadline] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<string>();
  const [sending, setSending] = useState(false);
  const actions = actionsFor(states, draft.code);
  const listed = new Set(states.map((s) => s.code));
  const others = [...COUNTRY_NAMES]
    .filter(([code]) => !listed.has(code))
    .map(([code, name]) => ({ code, name }))
    .sort(byName);

  // Until the editor writes their own, the headline says the move in words.
  function change(part: Partial<MoveDraft>, typedHeadline = false) {
    const keepHeadline = ownHeadline || typedHeadline;
    setDraft((d) => {
      const next = { ...d, ...part };
      const offered = actionsFor(states, next.code);
      // A new state brings its own actions; a refused action stays chosen (marked) until the editor picks another.
      if (part.code !== undefined && part.code !== d.code) next.action = offered.length === 1 ? (offered[0] ?? '') : '';
      if (!keepHeadline && next.code && next.action) next.headline = moveHeadline(next.code, next.action, treaty.shortName);
      return next;
    });
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setDone(undefined);
    try {
      const result = await postPartyMove(treaty.id, draft, Date.now());
      if (result.ok) {
        setProblem(undefined);
        setDone(`Recorded: “${result.response.update.headline}”`);
        setDraft(blank());
        setOwnHeadline(false);
      } else {
        setProblem(result.problem);
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="record-change">
      <button type="button" aria-expanded={open} aria-controls={open ? formId : undefined} onClick={() => setOpen((o) => !o)}>
        Record a change
      </button>
      {open && (
        <form id={formId} onSubmit={(event) => void submit(event)} noValidate aria-label={`Record a change in the ${treaty.shortName}`}>
          <Field label="Which state" error={fieldError(problem, 'party.code')}>
            {(props) => (
              <select {...props} value={draft.code} onChange={(e) => change({ code: e.target.value })} required>
                <option value="">Choose a state…</option>
                <optgroup label="In this treaty's record">
                  {[...states].sort(byName).map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.name} ({STANDING_LABELS[s.standing]})
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Any other state (not signed)">
                  {others.map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              </select>
            )}
          </Field>
          <Field
            label="Action"
            error={fieldError(problem, 'party.action') ?? conflictText(problem, draft.code)}
            hint={draft.code ? undefined : 'Choose a state first: only what it can do now is offered.'}
          >
            {(props) => (
              <select
                {...props}
                value={draft.action}
                onChange={(e) => change({ action: partyActionSchema.safeParse(e.target.value).data ?? '' })}
                required
                disabled={actions.length === 0 && !draft.action}
              >
                <option value="">Choose an action…</option>
                {actions.map((a) => (
                  <option key={a} value={a}>
                    {PARTY_ACTION_LABELS[a]}
                  </option>
                ))}
                {draft.action && !actions.includes(draft.action) && (
                  <option value={draft.action}>{PARTY_ACTION_LABELS[draft.action]} (not possible now)</option>
                )}
              </select>
            )}
          </Field>
          <Field label="Date" error={fieldError(problem, 'occurredAt')} hint="The day of the act (UTC).">
            {(props) => (
              <input {...props} type="date" value={draft.on} max={today} onChange={(e) => change({ on: e.target.value })} required />
            )}
          </Field>
          <Field label="Source URL" error={fieldError(problem, 'sourceUrl')}>
            {(props) => (
              <input
                {...props}
                type="url"
                inputMode="url"
                value={draft.sourceUrl}
                onChange={(e) => change({ sourceUrl: e.target.value })}
              />
            )}
          </Field>
          <HeadlineField
            value={draft.headline}
            problem={problem}
            onChange={(headline) => {
              setOwnHeadline(true);
              change({ headline }, true);
            }}
          />
          {problem && problem.status !== 409 && !problem.errors?.some((e) => SHOWN_FIELDS.some((f) => e.field.startsWith(f))) && (
            <p className="form-error" role="alert">
              {problem.detail ?? problem.title}
            </p>
          )}
          <button type="submit" disabled={sending || !draft.code || !draft.action}>
            {sending ? 'Recording…' : 'Record change'}
          </button>
          {done && (
            <p className="form-success" aria-live="polite">
              {done}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

/** The control is there only for someone signed in who may write to this treaty. */
export function RecordChangeForEditors({ treaty, states }: { treaty: Treaty; states: readonly PartyState[] }) {
  const state = useSession();
  if (state.state !== 'signed-in') return null;
  const { treaties } = state.session;
  if (treaties && !treaties.includes(treaty.id)) return null;
  return <RecordChange treaty={treaty} states={states} />;
}
