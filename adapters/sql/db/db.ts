/**
 * The Db seam: one tiny SQL interface with two implementations speaking the same SQL —
 * PGlite (embedded default, files under DATA_DIR) and PostgreSQL (DATABASE_URL).
 */
export interface QueryResult<Row> {
  rows: Row[];
  affectedRows: number;
}

export interface Db {
  /** Which implementation this is, for logs and /health only — never branch behaviour on it. */
  readonly kind: 'pglite' | 'postgres';
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type Transaction = Pick<Db, 'query' | 'exec'>;
