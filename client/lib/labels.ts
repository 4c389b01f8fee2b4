/** Names of closed sets (room kinds, roles, device kinds) in the current language. */
import { t } from './i18n.svelte.ts';
import type { DeviceKind, Role } from '../../server/shared/enums.ts';
import { isRoomKind } from './types.ts';

export const roomKindLabel = (kind: string): string => t(`room.kind.${isRoomKind(kind) ? kind : 'other'}`);

export const roleLabel = (role: Role): string => t(`role.${role}`);

export const deviceKindLabel = (kind: DeviceKind): string => t(`device.kind.${kind}`);
