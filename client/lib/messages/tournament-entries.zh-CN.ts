/**
 * The tournament pages' strings for entries (team players by member or by name, substitutes), the team result
 * form and where a waiting side comes from; merged into zh-CN.ts. Keys define `TournamentEntriesMessageKey`.
 */
export const tournamentEntriesZhCN = {
  'tourn.create.ttTeamsHint': '先输入队名，再为每队添加队员（从会员中选择，或直接输入非会员的姓名），按 A、B、C 排好顺序：A、B、C 出场单打（作为第二方时称 X、Y、Z），可再添第 4、5 名替补。',

  'tourn.roster.order': '顺序',
  'tourn.roster.orderOf': '{name} 的顺序',
  'tourn.roster.letters': '代号（一方/二方）',
  'tourn.roster.reserve': '替补',
  'tourn.roster.member': '会员',
  'tourn.roster.visitor': '非会员',
  'tourn.roster.typedName': '非会员姓名',
  'tourn.roster.addTyped': '按姓名添加',
  'tourn.roster.full': '已满 {max} 人。',
  'tourn.roster.fewForSingles': '少于 3 人，排不满团体赛的单打。',

  'tourn.problem.member_duplicate': '“{player}”已在“{team}”的名单中：同一会员在一项比赛中只能代表一方。',
  'tourn.problem.player_name_required': '“{name}”有一名队员没有姓名。',

  'tourn.tab.entries': '参赛名单',
  'tourn.entries.players': '队员',
  'tourn.entries.substituteHint': '比赛期间可以为团体换人：点“换人”修改队员名单，已录入的结果不变。',
  'tourn.entryEdit.edit': '编辑',
  'tourn.entryEdit.editOf': '编辑“{name}”',
  'tourn.entryEdit.substitute': '换人',
  'tourn.entryEdit.substituteOf': '为“{name}”换人',
  'tourn.entryEdit.title': '参赛者：{name}',
  'tourn.entryEdit.runningHint': '比赛已开始：名称和种子号不能再改，队员可以更换（替补上场）。已录入的结果不变。',
  'tourn.entryEdit.saved': '已保存。',
  'tourn.entryEdit.noChange': '没有改动。',
  'tourn.entryEdit.remove': '移除这个参赛者',
  'tourn.entryEdit.removeConfirm': '确定移除“{name}”吗？',
  'tourn.entryEdit.gone': '这个参赛者已被移除。',

  'tourn.error.duplicate.players': '所选会员已代表另一方参赛：同一会员在一项比赛中只能代表一个队（人）。',
  'tourn.error.duplicate.name': '已有同名的参赛者（队）。',
  'tourn.error.duplicate.seed': '这个种子号已被别人使用。',
  'tourn.error.playersInvalid': '队员名单有误（会员重复、顺序重复或缺少姓名），请检查后再试。',

  'tourn.teamEntry.rubber': '第 {n} 场',
  'tourn.teamEntry.line': '{rubber} {a} — {b}：{games}',
  'tourn.teamEntry.pointsOf': '第 {rubber} 场第 {game} 局 {name} 的得分',
  'tourn.teamEntry.hint': '每场按局填写，{name} 一方的得分在前；一方先胜 3 场即结束，之后的场次留空。',
  'tourn.teamEntry.problem.half_filled': '第 {rubber} 场第 {row} 局只填了一方的得分。',
  'tourn.teamEntry.problem.not_a_number': '第 {rubber} 场第 {row} 局的得分须为整数。',
  'tourn.teamEntry.problem.rubber_skipped': '第 {rubber} 场是空的，但后面的场次有比分：请按比赛顺序填写。',
  'ref.mode.wholeMatch': '整场录入',

  'tourn.match.no': '第{n}场',
  'tourn.side.groupPlace': '{group}组第{place}名',
  'tourn.side.winnerOfNo': '第{n}场胜者',
  'tourn.side.loserOfNo': '第{n}场负者',
  'tourn.side.loserOf': '{key} 负者',
} as const;

export type TournamentEntriesMessageKey = keyof typeof tournamentEntriesZhCN;
