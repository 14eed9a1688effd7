import type { PartyGroup, PartyState } from '@treaty-watch/shared';
import { StandingChip } from '../../components/standing-chip';

/** The members of a group that have not ratified, by name: the CTBT's nine Annex 2 holdouts. */
export function Holdouts({ group, states }: { group: PartyGroup; states: PartyState[] }) {
  const members = states.filter((s) => s.groups.includes(group.id));
  const missing = members.filter((s) => s.standing !== 'ratified').sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section className="holdouts" aria-label={`${group.name} holdouts`}>
      <h3>
        {group.name}: {group.size - missing.length} of {group.size} ratified · {missing.length}{' '}
        {missing.length === 1 ? 'holdout' : 'holdouts'}
      </h3>
      {missing.length > 0 && (
        <ul>
          {missing.map((s) => (
            <li key={s.code} data-code={s.code}>
              {s.name} <StandingChip standing={s.standing} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
