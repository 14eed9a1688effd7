import { useId, useState } from 'react';
import { STANDING_LABELS, type PartyGroup, type PartyState } from '@treaty-watch/shared';
import { SourceLink } from '../../components/source-link';
import { StandingChip } from '../../components/standing-chip';
import { TableScroll } from '../../components/table-scroll';
import { STANDING_ORDER } from '../../components/standing-style';
import { Uncertain } from '../../components/uncertain';
import { NavLink } from '../../components/nav-link';
import { compareBy, joinedOrLeftOf, matches, signedOf, type ActDate, type PartyFilter, type SortKey } from './party-row';
import { RecordDate } from './record-date';
import { StateHistory } from './state-history';

const COLUMNS: { key: SortKey; title: string }[] = [
  { key: 'name', title: 'State' },
  { key: 'standing', title: 'Standing' },
  { key: 'since', title: 'Since' },
  { key: 'signed', title: 'Signed' },
  { key: 'joined', title: 'Ratified or left' },
];

function ActCell({ date }: { date: ActDate }) {
  if (date.kind === 'none') return <span aria-label="none">—</span>;
  return <RecordDate iso={date.kind === 'dated' ? date.iso : undefined} />;
}

/** Every state on the treaty's record: sortable by any column, filtered by name, standing or group. */
export function PartiesTable({ states, groups, treatyName }: { states: PartyState[]; groups: PartyGroup[]; treatyName: string }) {
  const id = useId();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const [filter, setFilter] = useState<PartyFilter>({ text: '', standing: '', group: '' });
  const compare = compareBy(sort.key);
  const rows = states.filter(matches(filter)).sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)));
  const standings = STANDING_ORDER.filter((s) => states.some((state) => state.standing === s));
  return (
    <>
      <div className="parties-filter" role="search" aria-label="Filter the states">
        <label>
          <span>State</span>
          <input
            type="search"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value.slice(0, 100) })}
            placeholder="name or code"
          />
        </label>
        <label htmlFor={`${id}-standing`}>
          <span>Standing</span>
        </label>
        <select
          id={`${id}-standing`}
          value={filter.standing}
          onChange={(e) => setFilter({ ...filter, standing: standings.find((s) => s === e.target.value) ?? '' })}
        >
          <option value="">All</option>
          {standings.map((s) => (
            <option key={s} value={s}>
              {STANDING_LABELS[s]}
            </option>
          ))}
        </select>
        {groups.length > 0 && (
          <>
            <label htmlFor={`${id}-group`}>
              <span>Group</span>
            </label>
            <select
              id={`${id}-group`}
              value={filter.group}
              onChange={(e) => setFilter({ ...filter, group: groups.find((g) => g.id === e.target.value)?.id ?? '' })}
            >
              <option value="">All</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </>
        )}
        <p aria-live="polite" className="parties-shown">
          {rows.length} of {states.length} states shown
        </p>
      </div>
      <TableScroll label={`States of the ${treatyName}`}>
        <table className="parties-table">
          <caption className="visually-hidden">States of the {treatyName} and where each stands</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button
                    type="button"
                    onClick={() => setSort({ key: column.key, descending: sort.key === column.key && !sort.descending })}
                  >
                    {column.title}
                  </button>
                </th>
              ))}
              <th scope="col">Source</th>
              <th scope="col">History</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((state) => {
              const joined = joinedOrLeftOf(state);
              return (
                <tr key={state.code} data-code={state.code} data-standing={state.standing}>
                  <th scope="row">
                    <NavLink href={`/parties/${state.code.toLowerCase()}`}>{state.name}</NavLink>
                    {state.uncertain && <Uncertain note={state.note} />}
                  </th>
                  <td>
                    <StandingChip standing={state.standing} />
                  </td>
                  <td>
                    <RecordDate iso={state.since} />
                  </td>
                  <td>
                    <ActCell date={signedOf(state)} />
                  </td>
                  <td>
                    {joined.date.kind !== 'none' && joined.label === 'left' && 'Left '}
                    <ActCell date={joined.date} />
                  </td>
                  <td>
                    {state.sources.length === 0 ? (
                      <span className="not-recorded">none on record</span>
                    ) : (
                      <ul className="source-list">
                        {state.sources.map((url) => (
                          <li key={url}>
                            <SourceLink url={url} max={36} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <StateHistory name={state.name} history={state.history} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {rows.length === 0 && <p className="empty">No state matches.</p>}
    </>
  );
}
