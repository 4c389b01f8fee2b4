-- An instant as JavaScript's toISOString writes it (UTC, milliseconds, "Z"): the timestamps of the payloads
-- made in SQL (visit_json, venue_headcount) read exactly like those made in TypeScript.
-- PL/pgSQL, not SQL: a SQL function that PostgreSQL does not inline is planned anew on every call.
create or replace function iso_utc(t timestamptz) returns text language plpgsql stable as $$
begin
  return to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
end
$$
