/**
 * Where the kiosk's check-in queue lives: IndexedDB, so a queued check-in and its Idempotency-Key survive a
 * reload, a crash or a power cut of the tablet; a memory store when IndexedDB cannot be opened (the kiosk still
 * works, it just cannot keep the queue across a reload).
 *
 * What must stay true: an item leaves the pending list only when it was sent, withdrawn, or moved to the failed
 * list, and a move to the failed list is one transaction (never in both, never in neither).
 *
 * The names on disk are older than these: kiosks in the field hold queued check-ins under them, so they stay
 * exactly as they are (the database name is the caller's, kiosk/queue.svelte.ts). The pending list is the object
 * store `outbox`, the failed list `failed`, and a stored item's position is its field `seq`; `StoredItem` is an
 * item as it is on disk, and only this file converts.
 */
import type { CheckInRequest } from './checkin-types.ts';

export type QueueOp = { kind: 'checkin'; body: CheckInRequest } | { kind: 'checkout'; visitId: string };

export interface QueueItem {
  /** Order of arrival, given by the store; items are sent in this order. */
  position: number;
  /** The Idempotency-Key: made once before the first try and sent on every retry. The item's identity. */
  key: string;
  op: QueueOp;
  /** For staff, if it fails: who (name or card code) and what (the activity). */
  note: string;
  createdAt: string;
  attempts: number;
  lastTriedAt: string | null;
  lastError: string | null;
}

export interface FailedItem extends QueueItem {
  failedAt: string;
  error: { statusCode: number; code: string; message: string };
}

export type NewQueueItem = Omit<QueueItem, 'position'>;

export interface QueueStore {
  add(item: NewQueueItem): Promise<QueueItem>;
  /** The oldest pending item. */
  first(): Promise<QueueItem | null>;
  all(): Promise<QueueItem[]>;
  get(key: string): Promise<QueueItem | null>;
  update(item: QueueItem): Promise<void>;
  /** Remove a pending item; false when it was not there. */
  remove(key: string): Promise<boolean>;
  /** Move a pending item to the failed list, atomically. */
  fail(item: FailedItem): Promise<void>;
  failed(): Promise<FailedItem[]>;
  clearFailed(): Promise<void>;
  removeFailed(key: string): Promise<void>;
  close(): void;
}

/** The object stores of the pending and the failed items (names on disk: see above). */
const PENDING = 'outbox';
const FAILED = 'failed';

/** An item as stored: its position in the field `seq` (the pending store's key path). */
type StoredItem<T extends QueueItem> = Omit<T, 'position'> & { seq: number };

function toStored<T extends QueueItem>({ position, ...rest }: T): StoredItem<T> {
  return { ...rest, seq: position };
}

function fromStored<T extends QueueItem>({ seq, ...rest }: StoredItem<T>): T {
  return { ...rest, position: seq } as unknown as T;
}

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

export class IndexedDbQueueStore implements QueueStore {
  private constructor(private readonly db: IDBDatabase) {}

  static open(name: string, factory: IDBFactory = indexedDB): Promise<IndexedDbQueueStore> {
    return new Promise((resolve, reject) => {
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        const pending = db.createObjectStore(PENDING, { keyPath: 'seq', autoIncrement: true });
        pending.createIndex('key', 'key', { unique: true });
        db.createObjectStore(FAILED, { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(new IndexedDbQueueStore(request.result));
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('the check-in queue database is blocked by another tab'));
    });
  }

  async add(item: NewQueueItem): Promise<QueueItem> {
    const tx = this.db.transaction(PENDING, 'readwrite');
    // Stored without `seq`: the store numbers it (autoIncrement on its key path).
    const position = await done(tx.objectStore(PENDING).add(item));
    await finished(tx);
    return { ...item, position: Number(position) };
  }

  async first(): Promise<QueueItem | null> {
    const tx = this.db.transaction(PENDING, 'readonly');
    const cursor = await done(tx.objectStore(PENDING).openCursor());
    return cursor ? fromStored<QueueItem>(cursor.value as StoredItem<QueueItem>) : null;
  }

  async all(): Promise<QueueItem[]> {
    const tx = this.db.transaction(PENDING, 'readonly');
    const stored = (await done(tx.objectStore(PENDING).getAll())) as Array<StoredItem<QueueItem>>;
    return stored.map((item) => fromStored<QueueItem>(item));
  }

  async get(key: string): Promise<QueueItem | null> {
    const tx = this.db.transaction(PENDING, 'readonly');
    const stored = (await done(tx.objectStore(PENDING).index('key').get(key))) as StoredItem<QueueItem> | undefined;
    return stored ? fromStored<QueueItem>(stored) : null;
  }

  async update(item: QueueItem): Promise<void> {
    const tx = this.db.transaction(PENDING, 'readwrite');
    const store = tx.objectStore(PENDING);
    // Only while it is still pending: an update must never bring back an item that was sent or withdrawn.
    if (await done(store.count(item.position))) store.put(toStored(item));
    await finished(tx);
  }

  async remove(key: string): Promise<boolean> {
    const tx = this.db.transaction(PENDING, 'readwrite');
    const store = tx.objectStore(PENDING);
    const position = await done(store.index('key').getKey(key));
    if (position !== undefined) store.delete(position);
    await finished(tx);
    return position !== undefined;
  }

  async fail(item: FailedItem): Promise<void> {
    const tx = this.db.transaction([PENDING, FAILED], 'readwrite');
    tx.objectStore(PENDING).delete(item.position);
    tx.objectStore(FAILED).put(toStored(item));
    await finished(tx);
  }

  async failed(): Promise<FailedItem[]> {
    const tx = this.db.transaction(FAILED, 'readonly');
    const stored = (await done(tx.objectStore(FAILED).getAll())) as Array<StoredItem<FailedItem>>;
    return stored.map((item) => fromStored<FailedItem>(item)).sort((a, b) => a.position - b.position);
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
export class MemoryQueueStore implements QueueStore {
  #items: QueueItem[] = [];
  #failed = new Map<string, FailedItem>();
  #lastPosition = 0;

  async add(item: NewQueueItem): Promise<QueueItem> {
    if (this.#items.some((i) => i.key === item.key)) throw new Error(`key ${item.key} is already queued`);
    const stored = { ...item, position: ++this.#lastPosition };
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
  async update(item: QueueItem) {
    const index = this.#items.findIndex((i) => i.position === item.position);
    if (index !== -1) this.#items[index] = structuredClone(item);
  }
  async remove(key: string) {
    const before = this.#items.length;
    this.#items = this.#items.filter((i) => i.key !== key);
    return this.#items.length < before;
  }
  async fail(item: FailedItem) {
    this.#items = this.#items.filter((i) => i.position !== item.position);
    this.#failed.set(item.key, structuredClone(item));
  }
  async failed() {
    return [...this.#failed.values()].sort((a, b) => a.position - b.position);
  }
  async clearFailed() {
    this.#failed.clear();
  }
  async removeFailed(key: string) {
    this.#failed.delete(key);
  }
  close() {}
}
