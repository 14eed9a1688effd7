import type { Role } from '@treaty-watch/shared';

/** Who is writing: the token's id, its name (the author shown on updates), its role and scope. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
  /** When set, this principal may write only to these treaties. */
  treaties?: string[];
}

/** Token-less maintenance from the command line. */
export const CLI_PRINCIPAL: Principal = { tokenId: 'cli', name: 'command line', role: 'admin' };

/** The server itself, applying what falls due on the calendar: expiries and embargoes. */
export const SCHEDULER_PRINCIPAL: Principal = { tokenId: 'scheduler', name: 'scheduler', role: 'admin' };
