/**
 * A made-up event for the outbox's storage contract tests: they check numbering, order and delivery, which
 * do not depend on what an event means, so they use one type that no app knows (`test.event {n}`).
 */
import type { OutboxEvent } from '../../server/realtime/write.ts';

export const testEvent = (topic: string, n: number | string): OutboxEvent => ({ topic, type: 'test.event', data: { n } }) as unknown as OutboxEvent;

/** The `n` a test event carries. */
export const nOf = (event: { data: unknown }): number | string => (event.data as { n: number | string }).n;
