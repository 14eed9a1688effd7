import { countryName, type Treaty } from '@treaty-watch/shared';
import { ChartFrame } from './chart-frame';

/**
 * A treaty's group holdouts for the wall screen, from the party summary the board already has:
 * the CTBT cannot enter into force until all 44 Annex 2 states ratify. Names in words, large.
 */
export function GroupHoldouts({ treaty }: { treaty: Treaty | undefined }) {
  const groups = treaty?.partySummary?.groups.filter((g) => g.size > 0) ?? [];
  if (!treaty || groups.length === 0) return null;
  return (
    <>
      {groups.map((group) => {
        const names = group.missing.map(countryName).sort((a, b) => a.localeCompare(b));
        return (
          <ChartFrame
            key={group.id}
            title={`${treaty.shortName} ${group.name} holdouts`}
            description={`${group.ratified} of ${group.size} ${group.name} states have ratified; entry into force needs all ${group.size}. ${names.length} missing.`}
          >
            <ul className="group-holdouts" data-group={group.id}>
              {names.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </ChartFrame>
        );
      })}
    </>
  );
}
