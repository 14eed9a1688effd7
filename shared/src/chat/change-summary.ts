import type { Change, ChangeKind } from '../change';
import { countryName } from '../countries';
import { PARTY_ACTION_LABELS } from '../party';
import { STATUS_LABELS, type Status } from '../status';

/** What a chat message says of a change, before any format's markup. */
export interface ChangeSummary {
  kind: ChangeKind;
  /** What happened, in words: "Update posted", "Update retracted". */
  what: string;
  treatyName: string;
  treatyShortName: string;
  headline: string;
  status: Status;
  /** "Signed, not in force → In force", when the change moved the status. */
  statusMove?: string;
  /** "France: Ratified", when the update records a state's act. */
  partyMove?: string;
  sourceUrl?: string;
  treatyUrl: string;
  at: string;
}

const WHAT: Record<ChangeKind, string> = {
  'update.posted': 'Update posted',
  'update.corrected': 'Update corrected',
  'update.retracted': 'Update retracted',
  'treaty.created': 'Treaty added',
  'treaty.changed': 'Treaty details changed',
  'treaty.expired': 'Treaty expired',
};

const move = (from: Status, to: Status) => `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`;

function headlineOf(change: Change): string {
  const { update, treaty } = change;
  if (change.kind === 'update.retracted' && update)
    return `Retracted: ${update.headline}${update.retractionReason ? ` (${update.retractionReason})` : ''}`;
  if (change.kind === 'update.corrected' && update) return `Corrected: ${update.headline}`;
  if (update) return update.headline;
  if (change.kind === 'treaty.created') return `${treaty.name} is now on the board`;
  if (change.kind === 'treaty.expired') return `${treaty.name} has expired`;
  return `The details of ${treaty.name} were changed`;
}

function statusMoveOf(change: Change): string | undefined {
  const { update, treaty } = change;
  // A retracted update no longer sets its status; the treaty falls back to what the log says now.
  if (change.kind === 'update.retracted')
    return update?.requestedStatus && update.requestedStatus !== treaty.status ? move(update.requestedStatus, treaty.status) : undefined;
  if (update?.status && update.previousStatus) return move(update.previousStatus, update.status);
  if (change.kind === 'treaty.expired') return `→ ${STATUS_LABELS.expired}`;
  return undefined;
}

/** The treaty page on the configured public address: never on a host a request named. */
export function treatyPageUrl(publicUrl: string, treatyId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/treaties/${encodeURIComponent(treatyId)}`;
}

export function summariseChange(change: Change, publicUrl: string, at: string): ChangeSummary {
  const { update, treaty } = change;
  const statusMove = statusMoveOf(change);
  const party = update?.party;
  const sourceUrl = update?.sourceUrl;
  return {
    kind: change.kind,
    what: WHAT[change.kind],
    treatyName: treaty.name,
    treatyShortName: treaty.shortName,
    headline: headlineOf(change),
    status: treaty.status,
    ...(statusMove ? { statusMove } : {}),
    ...(party ? { partyMove: `${countryName(party.code)}: ${PARTY_ACTION_LABELS[party.action]}` } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
    treatyUrl: treatyPageUrl(publicUrl, treaty.id),
    at,
  };
}
