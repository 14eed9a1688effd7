import { parseArgs } from 'node:util';
import { roleSchema } from '@treaty-watch/shared';
import { loadConfig } from '../config';
import { DomainError } from '../services/errors';
import { createTokenService } from '../services/token-service';
import { openSqliteStore } from '../store/sqlite/sqlite-store';

const USAGE = `Usage:
  npm run token -- create --role editor|admin --name NAME   prints the new token once
  npm run token -- list                                     lists tokens (never their values)
  npm run token -- revoke NAME-OR-ID                         revokes a token at once`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const config = loadConfig();
const store = openSqliteStore(config.dataDir);
const tokens = createTokenService(store, undefined);
const [command, target] = positionals;

try {
  if (command === 'create') {
    const role = roleSchema.safeParse(values.role);
    if (!role.success) fail('--role must be editor or admin');
    if (!values.name) fail('--name is required (who uses the token, e.g. desk or wire-script)');
    const { token, record } = await tokens.create(role.data, values.name);
    process.stdout.write(`Created ${record.role} token "${record.name}" (id ${record.id}).\n`);
    process.stdout.write(`It is shown only this once; store it now:\n\n  ${token}\n`);
  } else if (command === 'list') {
    const list = await tokens.list();
    if (list.length === 0) process.stdout.write('No tokens yet.\n');
    for (const t of list) {
      const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`;
      process.stdout.write(`${t.id}  ${t.role.padEnd(6)}  ${t.name.padEnd(24)}  created ${t.createdAt}  ${state}\n`);
    }
  } else if (command === 'revoke') {
    if (!target) fail('revoke needs the token name or id');
    const record = await tokens.revoke(target);
    process.stdout.write(`Revoked token "${record.name}" (id ${record.id}).\n`);
  } else {
    fail(command ? `Unknown command "${command}"` : 'Give a command');
  }
} catch (error) {
  if (error instanceof DomainError) fail(error.message);
  throw error;
} finally {
  await store.close();
}
