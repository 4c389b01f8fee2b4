/**
 * pg and PGlite parse some types differently by default (int8 as string vs BigInt, date as a local-time
 * Date). These parsers make both return the same JavaScript values (docs/architecture.md habit 2).
 */
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMPTZ: 1184, TIMESTAMP: 1114 } as const;

/** bigint columns here are sequence numbers and counts, far below 2^53. */
const parseInt8 = (value: string): number => Number(value);
/** A calendar date stays a 'YYYY-MM-DD' string: turning it into a Date would put it in the machine's zone. */
const parseDate = (value: string): string => value;

export const sharedParsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: parseInt8,
  [OID.DATE]: parseDate,
  [OID.NUMERIC]: (value: string) => Number(value),
};
