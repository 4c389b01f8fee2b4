/**
 * Where the kiosk's outbox lives: IndexedDB, so a queued check-in and its Idempotency-Key survive a reload,
 * a crash or a power cut of the tablet; a memory store when IndexedDB cannot be opened (the kiosk still
 * works, it just cannot keep the queue across a reload).
 *
 * What must stay true: an item leaves `outbox` only when it was sent, withdrawn, or moved to `failed`, and a
 * move to `failed` is one transaction (never in both, never in neither).
 */
import type { CheckInRequest } from './checkin-types.ts';

export type OutboxOp = { kind: 'checkin'; body: CheckInRequest } | { kind: 'checkout'; visitId: string };

export interface OutboxItem {
  /** Order of arrival, given by the store; items are sent in this order. */
  seq: number;
  /** The Idempotency-Key: made once before the first try and sent on every retry. The item's identity. */
  key: string;
  op: OutboxOp;
  /** For staff, if it fails: who (name or card code) and what (the activity). */
  note: string;
  createdAt: string;
  attempts: number;
  lastTriedAt: string | null;
  lastError: string | null;
}

export interface FailedItem extends OutboxItem {
  failedAt: string;
  error: { statusCode: number; code: string; message: string };
}

export type NewOutboxItem = Omit<OutboxItem, 'seq'>;

export interface OutboxStore {
  add(item: NewOutboxItem): Promise<OutboxItem>;
  /** The oldest pending item. */
  first(): Promise<OutboxItem | null>;
  all(): Promise<OutboxItem[]>;
  get(key: string): Promise<OutboxItem | null>;
  update(item: OutboxItem): Promise<void>;
  /** Remove a pending item; false when it was not there. */
  remove(key: string): Promise<boolean>;
  /** Move a pending item to the failed list, atomically. */
  fail(item: FailedItem): Promise<void>;
  failed(): Promise<FailedItem[]>;
  clearFailed(): Promise<void>;
  removeFailed(key: string): Promise<void>;
  close(): void;
}

const OUTBOX = 'outbox';
const FAILED = 'failed';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export class IndexedDbOutboxStore implements OutboxStore {
  private constructor(private readonly db: IDBDatabase) {}

  static open(name: string, factory: IDBFactory = indexedDB): Promise<IndexedDbOutboxStore> {
    return new Promise((resolve, reject) => {
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        const outbox = db.createObjectStore(OUTBOX, { keyPath: 'seq', autoIncrement: true });
        outbox.createIndex('key', 'key', { unique: true });
        db.createObjectStore(FAILED, { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(new IndexedDbOutboxStore(request.result));
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('the outbox database is blocked by another tab'));
    });
  }

  async add(item: NewOutboxItem): Promise<OutboxItem> {
    const tx = this.db.transaction(OUTBOX, 'readwrite');
    const seq = await done(tx.objectStore(OUTBOX).add(item));
    await finished(tx);
    return { ...item, seq: Number(seq) };
  }

  async first(): Promise<OutboxItem | null> {
    const tx = this.db.transaction(OUTBOX, 'readonly');
    const cursor = await done(tx.objectStore(OUTBOX).openCursor());
    return cursor ? (cursor.value as OutboxItem) : null;
  }

  async all(): Promise<OutboxItem[]> {
    const tx = this.db.transaction(OUTBOX, 'readonly');
    return (await done(tx.objectStore(OUTBOX).getAll())) as OutboxItem[];
  }

  async get(key: string): Promise<OutboxItem | null> {
    const tx = this.db.transaction(OUTBOX, 'readonly');
    return ((await done(tx.objectStore(OUTBOX).index('key').get(key))) as OutboxItem | undefined) ?? null;
  }

  async update(item: OutboxItem): Promise<void> {
    const tx = this.db.transaction(OUTBOX, 'readwrite');
    const store = tx.objectStore(OUTBOX);
    // Only while it is still pending: an update must never bring back an item that was sent or withdrawn.
    if (await done(store.count(item.seq))) store.put(item);
    await finished(tx);
  }

  async remove(key: string): Promise<boolean> {
    const tx = this.db.transaction(OUTBOX, 'readwrite');
    const store = tx.objectStore(OUTBOX);
    const seq = await done(store.index('key').getKey(key));
    if (seq !== undefined) store.delete(seq);
    await finished(tx);
    return seq !== undefined;
  }

  async fail(item: FailedItem): Promise<void> {
    const tx = this.db.transaction([OUTBOX, FAILED], 'readwrite');
    tx.objectStore(OUTBOX).delete(item.seq);
    tx.objectStore(FAILED).put(item);
    await finished(tx);
  }

  async failed(): Promise<FailedItem[]> {
    const tx = this.db.transaction(FAILED, 'readonly');
    const items = (await done(tx.objectStore(FAILED).getAll())) as FailedItem[];
    return items.sort((a, b) => a.seq - b.seq);
  }

  async clearFailed(): Promise<void> {
    const tx = this.db.transaction(FAILED, 'readwrite');
    tx.objectStore(FAILED).clear();
    await finished(tx);
  }

  async removeFailed(key: string): Promise<void> {
    const tx = this.db.transaction(FAILED, 'readwrite');
    tx.objectStore(FAILED).delete(key);
    await finished(tx);
  }

  close(): void {
    this.db.close();
  }
}

/** The same store in memory: for a browser without IndexedDB, and for tests. */
export class MemoryOutboxStore implements OutboxStore {
  #items: OutboxItem[] = [];
  #failed = new Map<string, FailedItem>();
  #seq = 0;

  async add(item: NewOutboxItem): Promise<OutboxItem> {
    if (this.#items.some((i) => i.key === item.key)) throw new Error(`key ${item.key} is already queued`);
    const stored = { ...item, seq: ++this.#seq };
    this.#items.push(stored);
    return structuredClone(stored);
  }
  async first() {
    const item = this.#items[0];
    return item ? structuredClone(item) : null;
  }
  async all() {
    return structuredClone(this.#items);
  }
  async get(key: string) {
    const item = this.#items.find((i) => i.key === key);
    return item ? structuredClone(item) : null;
  }
  async update(item: OutboxItem) {
    const index = this.#items.findIndex((i) => i.seq === item.seq);
    if (index !== -1) this.#items[index] = structuredClone(item);
  }
  async remove(key: string) {
    const before = this.#items.length;
    this.#items = this.#items.filter((i) => i.key !== key);
    return this.#items.length < before;
  }
  async fail(item: FailedItem) {
    this.#items = this.#items.filter((i) => i.seq !== item.seq);
    this.#failed.set(item.key, structuredClone(item));
  }
  async failed() {
    return [...this.#failed.values()].sort((a, b) => a.seq - b.seq);
  }
  async clearFailed() {
    this.#failed.clear();
  }
  async removeFailed(key: string) {
    this.#failed.delete(key);
  }
  close() {}
}
