import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexedDbQueueStore, type QueueItem } from './queue-store.ts';

// Kiosks in the field hold queued check-ins written by earlier versions: the store must read and write the
// same database layout (object stores `outbox` and `failed`, an item's position in its field `seq`).

function raw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function read<T>(db: IDBDatabase, store: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(store, 'readonly').objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result as T[]);
    request.onerror = () => reject(request.error);
  });
}

function write(db: IDBDatabase, store: string, value: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

const item = (key: string): Omit<QueueItem, 'position'> => ({
  key,
  op: { kind: 'checkin', body: { venueId: 'v1', memberCode: key } },
  note: key,
  createdAt: '2026-12-07T09:00:00.000Z',
  attempts: 0,
  lastTriedAt: null,
  lastError: null,
});

describe('the kiosk queue on disk', () => {
  it('stores items as earlier versions did: `seq` in the `outbox` store, failed ones in `failed`', async () => {
    const name = 'queue-store-layout-1';
    const store = await IndexedDbQueueStore.open(name);
    const first = await store.add(item('A'));
    const second = await store.add(item('B'));
    await store.update({ ...first, attempts: 1 });
    await store.fail({ ...second, failedAt: '2026-12-07T09:01:00.000Z', error: { statusCode: 404, code: 'x', message: 'x' } });
    store.close();

    const db = await raw(name);
    expect([...db.objectStoreNames].sort()).toEqual(['failed', 'outbox']);
    const pending = await read<Record<string, unknown>>(db, 'outbox');
    const failed = await read<Record<string, unknown>>(db, 'failed');
    db.close();
    expect(pending).toEqual([{ ...item('A'), attempts: 1, seq: first.position }]);
    expect(failed).toEqual([expect.objectContaining({ key: 'B', seq: second.position })]);
    expect(failed[0]).not.toHaveProperty('position');
  });

  it('reads what an earlier version queued', async () => {
    const name = 'queue-store-layout-2';
    (await IndexedDbQueueStore.open(name)).close();
    const db = await raw(name);
    await write(db, 'outbox', { ...item('A'), seq: 7 });
    await write(db, 'failed', { ...item('B'), seq: 3, failedAt: '2026-12-07T09:01:00.000Z', error: { statusCode: 404, code: 'x', message: 'x' } });
    db.close();

    const store = await IndexedDbQueueStore.open(name);
    expect(await store.first()).toEqual({ ...item('A'), position: 7 });
    expect((await store.failed()).map((f) => [f.key, f.position])).toEqual([['B', 3]]);
    expect(await store.remove('A')).toBe(true);
    expect(await store.all()).toEqual([]);
    store.close();
  });
});
