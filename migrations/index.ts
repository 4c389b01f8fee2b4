/**
 * Every migration, by name, in the order they apply. Listed statically (rather than read from the folder at
 * run time) so that the same list works under tsx, Vitest and any bundler; a unit test fails if a file in
 * this folder is missing here.
 */
import type { Migration } from 'kysely/migration';
import * as createFoundation from './202611290700_create_foundation.ts';
import * as createBookings from './202611290800_create_bookings.ts';
import * as createMembersVisits from './202611291000_create_members_visits.ts';
import * as createTournaments from './202611291200_create_tournaments.ts';
import * as addTeamEvents from './202611291300_add_team_events.ts';
import * as sequenceEventsAfterCommit from './202611291400_sequence_events_after_commit.ts';
import * as recordCheckinInOneCall from './202611291410_record_checkin_in_one_call.ts';
import * as sessionIdleExpiryAndSharedLimits from './202611291450_session_idle_expiry_and_shared_limits.ts';
import * as createAuditLog from './202611291500_create_audit_log.ts';
import * as rollUpVisitsForReports from './202611291600_roll_up_visits_for_reports.ts';
import * as addMemberPinyin from './202612071004_add_member_pinyin.ts';
import * as allowTournamentAuditEntries from './202612071042_allow_tournament_audit_entries.ts';
import * as createCalendarLinks from './202612071700_create_calendar_links.ts';
import * as eraseRemovedMemberCopies from './202612071710_erase_removed_member_copies.ts';
import * as checkinEventsNamedByTypescript from './202612072200_checkin_events_named_by_typescript.ts';
import * as createTermEnrolment from './202612080000_create_term_enrolment.ts';

export const migrations: Record<string, Migration> = {
  '202611290700_create_foundation': createFoundation,
  '202611290800_create_bookings': createBookings,
  '202611291000_create_members_visits': createMembersVisits,
  '202611291200_create_tournaments': createTournaments,
  '202611291300_add_team_events': addTeamEvents,
  '202611291400_sequence_events_after_commit': sequenceEventsAfterCommit,
  '202611291410_record_checkin_in_one_call': recordCheckinInOneCall,
  '202611291450_session_idle_expiry_and_shared_limits': sessionIdleExpiryAndSharedLimits,
  '202611291500_create_audit_log': createAuditLog,
  '202611291600_roll_up_visits_for_reports': rollUpVisitsForReports,
  '202612071004_add_member_pinyin': addMemberPinyin,
  '202612071042_allow_tournament_audit_entries': allowTournamentAuditEntries,
  '202612071700_create_calendar_links': createCalendarLinks,
  '202612071710_erase_removed_member_copies': eraseRemovedMemberCopies,
  '202612072200_checkin_events_named_by_typescript': checkinEventsNamedByTypescript,
  '202612080000_create_term_enrolment': createTermEnrolment,
};
