import { SESSIONS_MIGRATION } from './session-store';
import { SUBSCRIPTIONS_MIGRATION } from './subscription-store';

/** The steps that rebuild from what is stored: each store writes its own, in its SQL or code. */
export interface RebuildSteps<Step> {
  indexExisting: Step;
  normaliseStoredUrls: Step;
}

/**
 * The migrations after the webhook outbox, at the same versions on both stores: a step's place in
 * the list is its version, so both take them from here, in this order. Append-only like every
 * migration.
 */
export function laterMigrations<Step>(steps: RebuildSteps<Step>): (string | Step)[] {
  return [
    SESSIONS_MIGRATION,
    // Full-text search over every update, built here for a database that predates it.
    steps.indexExisting,
    SUBSCRIPTIONS_MIGRATION,
    // URLs stored before they were normalised (issue 11), rewritten once as they are stored today.
    steps.normaliseStoredUrls,
  ];
}

/** The versions those steps have in a store's list. */
export function rebuildVersions<Step>(migrations: readonly (string | Step)[], steps: RebuildSteps<Step>) {
  return {
    searchIndex: migrations.indexOf(steps.indexExisting) + 1,
    normalisedUrls: migrations.indexOf(steps.normaliseStoredUrls) + 1,
  };
}
