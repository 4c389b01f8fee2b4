/**
 * The demo site: a city centre and two county centres with the rooms such centres really have.
 * Names are invented. Nothing in the app depends on any of it.
 */
import type { RoomKind } from '../db/schema.ts';

export interface DemoVenue {
  name: string;
  opensAt: string;
  closesAt: string;
  rooms: Array<{ name: string; kind: RoomKind; capacity: number }>;
}

const tables = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `乒乓球馆 ${i + 1} 号台`, kind: 'table_tennis' as const, capacity: 6 }));

export const DEMO_VENUES: DemoVenue[] = [
  {
    name: '市老干部活动中心',
    opensAt: '08:00',
    closesAt: '21:00',
    rooms: [
      { name: '门球场 A', kind: 'gateball_court', capacity: 40 },
      { name: '门球场 B', kind: 'gateball_court', capacity: 40 },
      ...tables(6),
      { name: '书画室', kind: 'classroom', capacity: 36 },
      { name: '舞蹈排练厅', kind: 'studio', capacity: 50 },
      { name: '声乐教室', kind: 'classroom', capacity: 45 },
      { name: '多功能报告厅', kind: 'hall', capacity: 220 },
      { name: '书画展览厅', kind: 'exhibition', capacity: 150 },
      { name: '棋牌室', kind: 'other', capacity: 48 },
      { name: '阅览室', kind: 'other', capacity: 40 },
    ],
  },
  {
    name: '罗平县老干部活动中心',
    opensAt: '08:30',
    closesAt: '20:30',
    rooms: [
      { name: '门球场', kind: 'gateball_court', capacity: 30 },
      { name: '乒乓球室 1 号台', kind: 'table_tennis', capacity: 6 },
      { name: '乒乓球室 2 号台', kind: 'table_tennis', capacity: 6 },
      { name: '综合活动室', kind: 'studio', capacity: 40 },
      { name: '学习室', kind: 'classroom', capacity: 30 },
    ],
  },
  {
    name: '师宗县老干部活动中心',
    opensAt: '08:30',
    closesAt: '20:30',
    rooms: [
      { name: '门球场', kind: 'gateball_court', capacity: 30 },
      { name: '乒乓球室', kind: 'table_tennis', capacity: 8 },
      { name: '书画室', kind: 'classroom', capacity: 24 },
      { name: '会议室', kind: 'hall', capacity: 60 },
    ],
  },
];

export const DEMO_COORDINATOR = { username: 'zhangli', role: 'coordinator' as const };
