/** One schema migration: applied once, in id order; shipped ones are never edited. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}
