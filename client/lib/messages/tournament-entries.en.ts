/** The tournament pages' strings for entries, the team result form and waiting sides in English, merged into en.ts. */
import type { TournamentEntriesMessageKey } from './tournament-entries.zh-CN.ts';

export const tournamentEntriesEn: Record<TournamentEntriesMessageKey, string> = {
  'tourn.create.ttTeamsHint': 'Name each team, then add its players (members, or the names of people who are not members) in order A, B, C: A, B and C play the singles (X, Y and Z when the team is the second side); a 4th and 5th may be added as reserves.',

  'tourn.roster.order': 'Order',
  'tourn.roster.orderOf': 'Order of {name}',
  'tourn.roster.letters': 'Letter (side 1 / side 2)',
  'tourn.roster.reserve': 'Reserve',
  'tourn.roster.member': 'Member',
  'tourn.roster.visitor': 'Not a member',
  'tourn.roster.typedName': 'Name of a non-member',
  'tourn.roster.addTyped': 'Add by name',
  'tourn.roster.full': 'Full ({max} players).',
  'tourn.roster.fewForSingles': 'Fewer than 3 players: not enough for the singles of a team match.',

  'tourn.problem.member_duplicate': '{player} is already entered with {team}: a member plays for one entry of a tournament.',
  'tourn.problem.player_name_required': 'A player of {name} has no name.',

  'tourn.tab.entries': 'Entries',
  'tourn.entries.players': 'Players',
  'tourn.entries.substituteHint': 'During the tournament a team’s players can change: choose “Substitute”. Results already entered stay as they are.',
  'tourn.entryEdit.edit': 'Edit',
  'tourn.entryEdit.editOf': 'Edit {name}',
  'tourn.entryEdit.substitute': 'Substitute',
  'tourn.entryEdit.substituteOf': 'Substitute in {name}',
  'tourn.entryEdit.title': 'Entry: {name}',
  'tourn.entryEdit.runningHint': 'The tournament has started: the name and seed stay as they are; the players can change (a substitute comes in). Results already entered stay as they are.',
  'tourn.entryEdit.saved': 'Saved.',
  'tourn.entryEdit.noChange': 'Nothing has changed.',
  'tourn.entryEdit.remove': 'Remove this entry',
  'tourn.entryEdit.removeConfirm': 'Remove {name}?',
  'tourn.entryEdit.gone': 'This entry has been removed.',

  'tourn.error.duplicate.players': 'A chosen member already plays for another entry: a member plays for one team (or as one player) in a tournament.',
  'tourn.error.duplicate.name': 'An entry with this name is already in.',
  'tourn.error.duplicate.seed': 'Another entry already has this seed.',
  'tourn.error.playersInvalid': 'The list of players is not right (a member twice, two players in one place, or a player without a name).',

  'tourn.teamEntry.rubber': 'Rubber {n}',
  'tourn.teamEntry.line': '{rubber} {a} — {b}: {games}',
  'tourn.teamEntry.pointsOf': 'Rubber {rubber}, game {game}, points of {name}',
  'tourn.teamEntry.hint': 'Enter each rubber game by game, {name}’s points first; the match ends when a team has won 3 rubbers: leave the rubbers after that empty.',
  'tourn.teamEntry.problem.half_filled': 'Rubber {rubber}, game {row}: only one side’s points are filled in.',
  'tourn.teamEntry.problem.not_a_number': 'Rubber {rubber}, game {row}: points must be whole numbers.',
  'tourn.teamEntry.problem.rubber_skipped': 'Rubber {rubber} is empty but a later one has scores: enter the rubbers in playing order.',
  'ref.mode.wholeMatch': 'Whole match',

  'tourn.match.no': 'Match {n}',
  'tourn.side.groupPlace': 'Group {group} #{place}',
  'tourn.side.winnerOfNo': 'Winner of match {n}',
  'tourn.side.loserOfNo': 'Loser of match {n}',
  'tourn.side.loserOf': 'Loser of {key}',
};
