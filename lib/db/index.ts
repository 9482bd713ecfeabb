// The only place that builds a Prisma client. DATABASE_URL picks the database:
//   file:...                      -> SQLite (better-sqlite3), default file:./data/quire.db
//   postgres:// or postgresql://  -> PostgreSQL (pg)
// Migrations are applied separately by applyMigrations() in ./migrate.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { ITXClientDenyList } from '@prisma/client/runtime/client';
import { PrismaClient as PostgresPrismaClient, type Prisma as PostgresPrisma } from './generated/postgres/client';
import { PrismaClient as SqlitePrismaClient, type Prisma as SqlitePrisma } from './generated/sqlite/client';
import { resolveDatabaseUrl, type DatabaseProvider } from './migrate';

export type { DatabaseProvider } from './migrate';
export type {
  Account,
  AuditEntry,
  Ban,
  Comment,
  PostThread,
  RateLimit,
  Setting,
  User,
} from './generated/sqlite/client';

// The hash must never leave the server: no query returns it unless it asks for
// it explicitly (`select: { passwordHash: true }` or `omit: { passwordHash: false }`).
const omit = { user: { passwordHash: true } } as const;

/**
 * The database client type used by all Quire code, whichever provider runs.
 *
 * Prisma generates one client per provider and the two are not assignable to each
 * other (TypeScript gives up on their recursive generic types), so `Db` is the
 * SQLite client's type and the PostgreSQL client is cast to it in createDb(). That
 * cast is sound because both clients come from identical model blocks: rows have
 * the same shapes, and PostgreSQL accepts strictly more arguments than SQLite
 * (`mode: 'insensitive'`, `skipDuplicates`, more isolation levels). Typing as the
 * SQLite client therefore also keeps code to what both databases support.
 * `PostgresFitsDb` below checks this claim for every model and operation.
 */
export type Db = SqlitePrismaClient<never, typeof omit>;

/**
 * The client inside `db.$transaction(async (tx) => …)`. Prisma types `tx` as a
 * client without the omit above (a Prisma typing gap; at runtime it still omits
 * passwordHash), so annotate `tx: DbTransaction` to keep the types honest.
 */
export type DbTransaction = Omit<Db, ITXClientDenyList>;

type ModelTypes<M> = M extends { operations: infer O; payload: { scalars: infer S } }
  ? { operations: O; scalars: S }
  : never;
type ArgsOf<O> = O extends { args: infer A } ? A : never;
type SqliteModels = SqlitePrisma.TypeMap['model'];
type PostgresModels = PostgresPrisma.TypeMap['model'];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Names every model/operation where a SQLite-typed call would not be valid on PostgreSQL (must stay `never`). */
type PostgresDrift =
  | {
      [M in keyof SqliteModels & keyof PostgresModels]:
        | {
            [O in keyof ModelTypes<SqliteModels[M]>['operations']]: O extends keyof ModelTypes<
              PostgresModels[M]
            >['operations']
              ? [ArgsOf<ModelTypes<SqliteModels[M]>['operations'][O]>] extends [
                  ArgsOf<ModelTypes<PostgresModels[M]>['operations'][O]>,
                ]
                ? never
                : `${M & string}.${O & string}`
              : `${M & string}.${O & string}`;
          }[keyof ModelTypes<SqliteModels[M]>['operations']]
        | (Same<ModelTypes<SqliteModels[M]>['scalars'], ModelTypes<PostgresModels[M]>['scalars']> extends true
            ? never
            : `${M & string} row shape`);
    }[keyof SqliteModels & keyof PostgresModels]
  | Exclude<keyof SqliteModels, keyof PostgresModels>
  | Exclude<keyof PostgresModels, keyof SqliteModels>
  | (SqlitePrisma.TransactionIsolationLevel extends PostgresPrisma.TransactionIsolationLevel
      ? never
      : 'isolation levels');
type AssertNever<T extends never> = T;
/** Compile-time proof behind the cast in createDb(); a drift between the schemas fails here, naming it. */
export type PostgresFitsDb = AssertNever<PostgresDrift>;

type SqliteDriverAdapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;

/**
 * SQLite: one better-sqlite3 connection per process. WAL lets readers run while
 * a write is in progress, and the busy timeout makes a writer wait for another
 * process's write (the migrator, a second instance) instead of failing at once.
 * Foreign keys are switched on explicitly because the cascades depend on them.
 */
class QuireSqliteAdapter extends PrismaBetterSqlite3 {
  override async connect(): Promise<SqliteDriverAdapter> {
    const adapter = await super.connect();
    await adapter.executeScript('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    return queueBehindTransactions(adapter);
  }
}

/**
 * The SQLite adapter runs everything on its one connection, so a query made
 * outside a transaction while another request's transaction is open would run
 * inside that transaction and vanish if it rolls back. Such queries wait here
 * until no transaction is open. (So inside `db.$transaction(async (tx) => …)`
 * use `tx`: a `db` query there waits for the transaction and times it out.)
 */
function queueBehindTransactions(adapter: SqliteDriverAdapter): SqliteDriverAdapter {
  let open: Promise<void> | undefined;
  const idle = async () => {
    while (open) await open;
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: async (query) => (await idle(), adapter.queryRaw(query)),
    executeRaw: async (query) => (await idle(), adapter.executeRaw(query)),
    executeScript: async (script) => (await idle(), adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    startTransaction: async (isolationLevel) => {
      // Marked before BEGIN so no queued query can slip in between.
      let finish = () => {};
      const done = new Promise<void>((resolve) => {
        finish = () => {
          if (open === done) open = undefined;
          resolve();
        };
      });
      open = done;
      let tx: Awaited<ReturnType<SqliteDriverAdapter['startTransaction']>>;
      try {
        tx = await adapter.startTransaction(isolationLevel); // the adapter admits one transaction at a time
      } catch (e) {
        finish();
        throw e;
      }
      return {
        provider: tx.provider,
        adapterName: tx.adapterName,
        options: tx.options,
        queryRaw: (query) => tx.queryRaw(query),
        executeRaw: (query) => tx.executeRaw(query),
        createSavepoint: tx.createSavepoint?.bind(tx),
        rollbackToSavepoint: tx.rollbackToSavepoint?.bind(tx),
        releaseSavepoint: tx.releaseSavepoint?.bind(tx),
        commit: () => tx.commit().finally(finish),
        rollback: () => tx.rollback().finally(finish),
      };
    },
  };
}

/**
 * How long a transaction may wait for its turn (a pooled PostgreSQL connection, or SQLite's one
 * connection) and then run. Prisma's defaults (2 s and 5 s) failed comment writes with a 500
 * under a burst of concurrent writers on 2 cores, though each waited write would have succeeded.
 */
const transactionOptions = { maxWait: 10_000, timeout: 10_000 };

/** Builds a new client for `url` (default DATABASE_URL). App code uses getDb(); tests use this. */
export function createDb(url?: string): Db {
  const target = resolveDatabaseUrl(url);
  if (target.provider === 'sqlite') {
    return new SqlitePrismaClient({
      adapter: new QuireSqliteAdapter({ url: target.file, timeout: 5_000 }),
      omit,
      transactionOptions,
    });
  }
  const adapter = new PrismaPg(
    { connectionString: target.url, connectionTimeoutMillis: 10_000 },
    target.schema ? { schema: target.schema } : undefined,
  );
  const client = new PostgresPrismaClient({ adapter, omit, transactionOptions });
  // Sound by construction; see Db and PostgresFitsDb above.
  return client as unknown as Db;
}

// Next's dev server re-evaluates modules on every edit; keeping the clients on
// globalThis stops each reload from opening another connection (pool).
const clients = ((globalThis as typeof globalThis & { __quireDbClients?: Map<string, Db> }).__quireDbClients ??=
  new Map<string, Db>());

/** The process-wide client for DATABASE_URL. */
export function getDb(): Db {
  const target = resolveDatabaseUrl();
  const key = target.provider === 'sqlite' ? target.file : target.url;
  let db = clients.get(key);
  if (!db) {
    db = createDb(target.url);
    clients.set(key, db);
  }
  return db;
}

/** Which database DATABASE_URL points at; throws a DatabaseSetupError naming DATABASE_URL if it is neither. */
export function databaseProvider(): DatabaseProvider {
  return resolveDatabaseUrl().provider;
}

/** A write refused because a unique column already holds the value (Prisma's P2002, either database). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}

/**
 * Makes transactions that name the same `key` run one after another from here to their end, so a
 * check and the write it allows cannot interleave with another request's (two presses of Post).
 * PostgreSQL: an advisory lock held until the transaction ends. SQLite: nothing to do, since this
 * process runs one transaction at a time on its one connection (queueBehindTransactions).
 */
export async function serializeOn(tx: DbTransaction, key: string): Promise<void> {
  if (databaseProvider() !== 'postgresql') return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/**
 * Locks comment rows `ids` for the rest of the transaction, in id order. A status change also
 * updates the conversation's top-level comment (its count of published replies), which has a
 * smaller id than the reply; transactions that change several comments take every lock they will
 * need up front, in one order, so that two of them can never wait for each other. SQLite: nothing
 * to do (one transaction at a time).
 */
export async function lockComments(tx: DbTransaction, ids: (number | null)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0 || databaseProvider() !== 'postgresql') return;
  await tx.$executeRaw`SELECT 1 FROM "Comment" WHERE "id" = ANY(${wanted}) ORDER BY "id" FOR UPDATE`;
}
