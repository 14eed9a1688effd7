import { parseArgs } from 'node:util';
import { createTokenBodySchema } from '@treaty-watch/shared';
import { loadConfig } from '../config';
import { DomainError } from '../services/errors';
import { CLI_PRINCIPAL } from '../services/principal';
import { createTokenService } from '../services/token-service';
import { openStore } from '../store/open-store';

const USAGE = `Usage:
  npm run token -- create --role editor|admin --name NAME [--treaties inf,new-start]
                                  prints the new token once; names are unique among live tokens;
                                  --treaties limits where an editor token may write
  npm run token -- list           lists tokens (never their values), each with its id
  npm run token -- revoke NAME-OR-ID
                                  revokes a token at once; a name two live tokens share is
                                  refused with their ids: revoke by id then`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        treaties: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
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
const store = await openStore(config);
const tokens = createTokenService(store, undefined);
const ctx = { principal: CLI_PRINCIPAL };
const [command, target] = positionals;

try {
  if (command === 'create') {
    const body = createTokenBodySchema.safeParse({
      role: values.role,
      name: values.name,
      ...(values.treaties ? { treaties: values.treaties.split(',').map((t) => t.trim()) } : {}),
    });
    if (!body.success) fail(body.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
    const { token, info } = (await tokens.create(body.data, ctx)).value;
    const scope = info.treaties ? `, writing only to ${info.treaties.join(', ')}` : '';
    process.stdout.write(`Created ${info.role} token "${info.name}" (id ${info.id})${scope}.\n`);
    process.stdout.write(`It is shown only this once; store it now:\n\n  ${token}\n`);
  } else if (command === 'list') {
    const list = await tokens.list();
    if (list.length === 0) process.stdout.write('No tokens yet.\n');
    for (const t of list) {
      const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`;
      const scope = t.treaties ? `  only ${t.treaties.join(',')}` : '';
      process.stdout.write(`${t.id}  ${t.role.padEnd(6)}  ${t.name.padEnd(24)}  created ${t.createdAt}  ${state}${scope}\n`);
    }
  } else if (command === 'revoke') {
    if (!target) fail('revoke needs the token name or id');
    const info = (await tokens.revokeNamed(target, ctx)).value;
    process.stdout.write(`Revoked token "${info.name}" (id ${info.id}).\n`);
  } else {
    fail(command ? `Unknown command "${command}"` : 'Give a command');
  }
} catch (error) {
  if (error instanceof DomainError) fail(error.message);
  throw error;
} finally {
  await store.close();
}
