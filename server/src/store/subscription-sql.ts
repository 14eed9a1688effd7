import type { Cadence } from '@treaty-watch/shared';
import type { Sql, SqlDb } from './sql-runner';
import type { MailKind, MailRecord, SubscriptionRecord, SubscriptionStore, SubscriptionTx, TokenPurpose } from './subscription-store';

const parse = <T>(rows: { data: string }[]): T[] => rows.map((row) => JSON.parse(row.data) as T);
const CURSOR = 'immediate';

function subscriptionTx(sql: Sql): SubscriptionTx {
  return {
    async byEmail(email) {
      return parse<SubscriptionRecord>(await sql.all('SELECT data FROM subscriptions WHERE email = $1', [email]))[0];
    },
    async byId(id) {
      return parse<SubscriptionRecord>(await sql.all('SELECT data FROM subscriptions WHERE id = $1', [id]))[0];
    },
    async all() {
      return parse<SubscriptionRecord>(await sql.all('SELECT data FROM subscriptions ORDER BY created_at, id'));
    },
    async tokens() {
      const rows = await sql.all<{ hash: string; subscription_id: string; purpose: TokenPurpose; created_at: string }>(
        'SELECT hash, subscription_id, purpose, created_at FROM subscription_tokens ORDER BY created_at, hash',
      );
      return rows.map((row) => ({ hash: row.hash, subscriptionId: row.subscription_id, purpose: row.purpose, createdAt: row.created_at }));
    },
    async save(s) {
      await sql.run(
        `INSERT INTO subscriptions (id, email, cadence, confirmed_at, next_digest_at, created_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET cadence = excluded.cadence, confirmed_at = excluded.confirmed_at, next_digest_at = excluded.next_digest_at, data = excluded.data`,
        [s.id, s.email, s.cadence, s.confirmedAt ?? null, s.nextDigestAt ?? null, s.createdAt, JSON.stringify(s)],
      );
    },
    async remove(id) {
      await sql.run('DELETE FROM mail_outbox WHERE subscription_id = $1', [id]);
      await sql.run('DELETE FROM subscription_tokens WHERE subscription_id = $1', [id]);
      await sql.run('DELETE FROM subscriptions WHERE id = $1', [id]);
    },
    async addToken(hash, subscriptionId, purpose, at) {
      await sql.run('INSERT INTO subscription_tokens (hash, subscription_id, purpose, created_at) VALUES ($1, $2, $3, $4)', [
        hash,
        subscriptionId,
        purpose,
        at,
      ]);
    },
    async tokenOwner(hash, purpose) {
      const rows = await sql.all<{ subscription_id: string }>(
        'SELECT subscription_id FROM subscription_tokens WHERE hash = $1 AND purpose = $2',
        [hash, purpose],
      );
      return rows[0]?.subscription_id;
    },
    async dropTokens(subscriptionId, purpose) {
      await sql.run('DELETE FROM subscription_tokens WHERE subscription_id = $1 AND purpose = $2', [subscriptionId, purpose]);
    },
    async queueMail(mail, key) {
      await sql.run(
        `INSERT INTO mail_outbox (id, subscription_id, key, kind, seq, state, created_at, next_attempt_at, sent_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (key) DO NOTHING`,
        [
          mail.id,
          mail.subscriptionId,
          key,
          mail.kind,
          mail.seq ?? 0,
          mail.state,
          mail.createdAt,
          mail.nextAttemptAt,
          mail.sentAt ?? null,
          JSON.stringify(mail),
        ],
      );
    },
    async saveMail(mail) {
      await sql.run('UPDATE mail_outbox SET state = $2, next_attempt_at = $3, sent_at = $4, data = $5 WHERE id = $1', [
        mail.id,
        mail.state,
        mail.nextAttemptAt,
        mail.sentAt ?? null,
        JSON.stringify(mail),
      ]);
    },
    async mail(id) {
      return parse<MailRecord>(await sql.all('SELECT data FROM mail_outbox WHERE id = $1', [id]))[0];
    },
    async outbox() {
      const rows = await sql.all<{ key: string; data: string }>('SELECT key, data FROM mail_outbox ORDER BY created_at, id');
      return rows.map((row) => ({ key: row.key, mail: JSON.parse(row.data) as MailRecord }));
    },
    async queuedSince(subscriptionId, kinds: readonly MailKind[], since) {
      const rows = await sql.all<{ created_at: string; kind: MailKind }>(
        'SELECT created_at, kind FROM mail_outbox WHERE subscription_id = $1 AND created_at >= $2',
        [subscriptionId, since],
      );
      return rows.filter((row) => kinds.includes(row.kind)).map((row) => row.created_at);
    },
    async sentSince(subscriptionId, since) {
      const rows = await sql.all<{ sent_at: string }>(
        "SELECT sent_at FROM mail_outbox WHERE subscription_id = $1 AND state = 'sent' AND sent_at >= $2 ORDER BY sent_at",
        [subscriptionId, since],
      );
      return rows.map((row) => row.sent_at);
    },
    async cursor() {
      const rows = await sql.all<{ seq: number | string }>('SELECT seq FROM mail_cursor WHERE name = $1', [CURSOR]);
      return rows[0] ? Number(rows[0].seq) : undefined;
    },
    async setCursor(seq) {
      await sql.run('INSERT INTO mail_cursor (name, seq) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq', [
        CURSOR,
        seq,
      ]);
    },
    async confirmed(cadence: Cadence) {
      return parse<SubscriptionRecord>(
        await sql.all('SELECT data FROM subscriptions WHERE cadence = $1 AND confirmed_at IS NOT NULL ORDER BY created_at, id', [cadence]),
      );
    },
    async dueDigests(at) {
      return parse<SubscriptionRecord>(
        await sql.all(
          "SELECT data FROM subscriptions WHERE cadence = 'daily' AND confirmed_at IS NOT NULL AND next_digest_at <= $1 ORDER BY next_digest_at, id",
          [at],
        ),
      );
    },
    async prune(sentBefore, unconfirmedBefore) {
      await sql.run("DELETE FROM mail_outbox WHERE state <> 'pending' AND created_at < $1", [sentBefore]);
      const stale = await sql.all<{ id: string }>('SELECT id FROM subscriptions WHERE confirmed_at IS NULL AND created_at < $1', [
        unconfirmedBefore,
      ]);
      for (const { id } of stale) await subscriptionTx(sql).remove(id);
    },
  };
}

const count = async (sql: Sql, query: string, params: readonly unknown[] = []) =>
  Number((await sql.all<{ n: number | string }>(query, params))[0]?.n ?? 0);

/** The subscriptions and the mail outbox on either store, through the SQL both speak. */
export function subscriptionStore(db: SqlDb): SubscriptionStore {
  return {
    transaction: (work) => db.transaction((sql) => work(subscriptionTx(sql))),
    async dueMail(at, limit) {
      const rows = await db.all<{ data: string }>(
        "SELECT data FROM mail_outbox WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, seq, created_at, id LIMIT $2",
        [at, limit],
      );
      return parse<MailRecord>(rows).filter((mail) => !mail.leaseUntil || mail.leaseUntil <= at);
    },
    async counts(since, now) {
      const pending = parse<MailRecord>(await db.all("SELECT data FROM mail_outbox WHERE state = 'pending'"));
      return {
        awaitingConfirmation: await count(db, 'SELECT COUNT(*) AS n FROM subscriptions WHERE confirmed_at IS NULL'),
        confirmed: await count(db, 'SELECT COUNT(*) AS n FROM subscriptions WHERE confirmed_at IS NOT NULL'),
        immediate: await count(db, "SELECT COUNT(*) AS n FROM subscriptions WHERE confirmed_at IS NOT NULL AND cadence = 'immediate'"),
        daily: await count(db, "SELECT COUNT(*) AS n FROM subscriptions WHERE confirmed_at IS NOT NULL AND cadence = 'daily'"),
        queued: pending.length,
        retrying: pending.filter((mail) => mail.lastError !== undefined && mail.nextAttemptAt > now).length,
        sentLastDay: await count(db, "SELECT COUNT(*) AS n FROM mail_outbox WHERE state = 'sent' AND sent_at >= $1", [since]),
      };
    },
  };
}
