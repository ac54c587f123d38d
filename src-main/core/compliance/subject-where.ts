import type { SubjectColumns } from './data-map-types';
import type { SubjectKeys } from './subject-keys';

/** How SQLite and Postgres differ for the subject queries: placeholders, text casts, case-blind LIKE. */
export interface Dialect {
  param(index: number): string;
  text(column: string): string;
  like: string;
}

export const sqliteDialect: Dialect = { param: () => '?', text: (c) => `CAST("${c}" AS TEXT)`, like: 'LIKE' };
export const postgresDialect: Dialect = { param: (i) => `$${i}`, text: (c) => `"${c}"::text`, like: 'ILIKE' };

function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE clause that finds one person's rows in a table: equal email (any case), one of their
 * customer or item ids, or free text containing any of those (LIKE with _ and % escaped, so a
 * neighbour's address never matches). Undefined when nothing could match.
 */
export function subjectWhere(columns: SubjectColumns, keys: SubjectKeys, dialect: Dialect): { sql: string; params: string[] } | undefined {
  const params: string[] = [];
  const p = (value: string) => {
    params.push(value);
    return dialect.param(params.length);
  };
  const terms: string[] = [];
  for (const c of columns.email ?? []) terms.push(`lower(${dialect.text(c)}) = ${p(keys.email)}`);
  for (const c of columns.customer ?? []) for (const id of keys.customerIds) terms.push(`${dialect.text(c)} = ${p(id)}`);
  for (const c of columns.item ?? []) for (const id of keys.itemIds) terms.push(`${dialect.text(c)} = ${p(id)}`);
  for (const c of columns.text ?? []) {
    for (const needle of [keys.email, ...keys.customerIds]) terms.push(`${dialect.text(c)} ${dialect.like} ${p(likePattern(needle))} ESCAPE '\\'`);
  }
  return terms.length === 0 ? undefined : { sql: terms.join(' OR '), params };
}
