/** Rooms as FullCalendar resources: ordered and (on timelines) grouped by kind, labelled with their capacity. */
import { t } from '../lib/i18n.svelte.ts';
import { roomKindLabel } from '../lib/labels.ts';
import { ROOM_KINDS } from '../../server/shared/enums.ts';
import type { Room } from '../lib/types.ts';
import type { RoomResource } from './calendar-adapter.ts';

export function roomResource(room: Room): RoomResource {
  const order = (ROOM_KINDS as readonly string[]).indexOf(room.kind);
  return {
    id: room.id,
    title: room.name,
    extendedProps: {
      kindLabel: roomKindLabel(room.kind),
      kindOrder: order < 0 ? ROOM_KINDS.length : order,
      capacity: room.capacity,
    },
  };
}

/** A room's column or row heading: its name, and under it how many people it holds. */
export function roomLabel(room: Room | undefined): { domNodes: Node[] } {
  const name = document.createElement('span');
  name.className = 'res-name';
  name.textContent = room?.name ?? '';
  const capacity = document.createElement('span');
  capacity.className = 'res-capacity';
  capacity.textContent = room ? t('room.capacityOf', { n: room.capacity }) : '';
  return { domNodes: [name, capacity] };
}
