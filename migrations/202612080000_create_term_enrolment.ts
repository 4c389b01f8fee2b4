/**
 * Senior-university term enrolment (docs/enrolment.md): terms with their application windows and published
 * seed hash, classes (each a booking series on the calendar), applications (one per member and term), the
 * placements they lead to (admitted, waitlisted, offered, withdrawn), the draws, and member PINs and sessions
 * for the phone pages.
 *
 * The database guards the invariants that races could otherwise break:
 * - a class never holds more seats (admitted + offered) than its capacity: `term_classes.taken` is kept by
 *   statement-level triggers on `placements` (one update per statement, so a draw's thousands of rows cost a
 *   few updates), and its check constraint refuses the statement that would overfill the class;
 * - one application per member and term, one per idempotency key; one placement per member and class;
 * - one live draw per term (a redo supersedes the old one first);
 * - the waiting list's numbers come from the class row (`waitlist_seq`), so racing requests get distinct ones.
 *
 * Frozen in time: later changes come as new migrations, never edits here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('terms')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('venue_id', 'uuid', (c) => c.notNull().references('venues.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 80`))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('lottery', 'first_come')`))
    // 续报: returning students confirm their seats in this window, before anyone else applies.
    .addColumn('renew_from', 'timestamptz')
    .addColumn('renew_until', 'timestamptz')
    .addColumn('apply_from', 'timestamptz', (c) => c.notNull())
    .addColumn('apply_until', 'timestamptz', (c) => c.notNull())
    .addColumn('classes_per_member', 'integer', (c) => c.notNull().defaultTo(2).check(sql`classes_per_member between 1 and 10`))
    .addColumn('choices_per_application', 'integer', (c) => c.notNull().defaultTo(3).check(sql`choices_per_application between 1 and 10`))
    .addColumn('priority_categories', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    // How long a freed seat is held for the next on the waiting list.
    .addColumn('offer_hours', 'integer', (c) => c.notNull().defaultTo(48).check(sql`offer_hours between 1 and 720`))
    // Admitted seats not paid by then are released to the waiting list. Null: no deadline.
    .addColumn('pay_until', 'timestamptz')
    // Hidden until the draw; seed_hash = sha256(secret) is published when the term is made.
    .addColumn('secret', 'text', (c) => c.notNull().check(sql`secret ~ '^[0-9a-f]{64}$'`))
    .addColumn('seed_hash', 'text', (c) => c.notNull().check(sql`seed_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('drawn_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('terms_apply_window', sql`apply_from < apply_until`)
    .addCheckConstraint('terms_renew_window', sql`(renew_from is null) = (renew_until is null) and (renew_from is null or (renew_from < renew_until and renew_until <= apply_from))`)
    .execute();
  await sql`create index terms_venue_idx on terms (venue_id, apply_from desc)`.execute(db);

  await db.schema
    .createTable('term_classes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('term_id', 'uuid', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 80`))
    .addColumn('course', 'text', (c) => c.notNull().check(sql`char_length(course) between 1 and 80`))
    .addColumn('teacher', 'text', (c) => c.check(sql`char_length(teacher) between 1 and 80`))
    .addColumn('level', 'text', (c) => c.check(sql`char_length(level) between 1 and 40`))
    .addColumn('fee_cents', 'integer', (c) => c.notNull().defaultTo(0).check(sql`fee_cents between 0 and 100000000`))
    .addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('restrict'))
    .addColumn('series_id', 'uuid', (c) => c.references('booking_series.id').onDelete('set null'))
    .addColumn('first_start', 'timestamptz', (c) => c.notNull())
    .addColumn('first_end', 'timestamptz', (c) => c.notNull())
    .addColumn('rrule', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 1 and 2000`))
    // Seats held (admitted + offered), kept by the placements triggers below; never more than the capacity.
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    // The last waiting-list number handed out in this class.
    .addColumn('waitlist_seq', 'integer', (c) => c.notNull().defaultTo(0))
    // Who may enrol. Null bounds and categories: no limit.
    .addColumn('min_age_female', 'integer', (c) => c.check(sql`min_age_female between 0 and 130`))
    .addColumn('min_age_male', 'integer', (c) => c.check(sql`min_age_male between 0 and 130`))
    .addColumn('max_age', 'integer', (c) => c.check(sql`max_age between 0 and 130`))
    .addColumn('categories', sql`text[]`)
    // This class continues that one (an earlier term's): its students may confirm a seat here in the renewal window.
    .addColumn('continues_class_id', 'uuid', (c) => c.references('term_classes.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('term_classes_seats', sql`taken >= 0 and taken <= capacity`)
    .addCheckConstraint('term_classes_slot', sql`first_start < first_end`)
    .execute();
  await sql`create index term_classes_term_idx on term_classes (term_id, course, name)`.execute(db);

  await db.schema
    .createTable('enrolment_applications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('term_id', 'uuid', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    // Ranked class ids, no repeats (the service checks them against the term's classes).
    .addColumn('choices', sql`uuid[]`, (c) => c.notNull().check(sql`cardinality(choices) between 1 and 10`))
    .addColumn('idempotency_key', 'uuid', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('desk', 'kiosk', 'home')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('enrolment_applications_member', ['term_id', 'member_id'])
    .addUniqueConstraint('enrolment_applications_key', ['term_id', 'idempotency_key'])
    .execute();

  await db.schema
    .createTable('placements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('term_id', 'uuid', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addColumn('class_id', 'uuid', (c) => c.notNull().references('term_classes.id').onDelete('cascade'))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    // Null for a returning student's confirmed seat (no application).
    .addColumn('application_id', 'uuid', (c) => c.references('enrolment_applications.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('admitted', 'waitlisted', 'offered', 'withdrawn')`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('returning', 'draw', 'first_come')`))
    // The waiting-list number this member was given in the class (the place is the rank among those still waiting).
    .addColumn('queue_no', 'integer')
    .addColumn('offer_expires_at', 'timestamptz')
    // An admitted seat not paid by then is released; null: nothing to pay, or no deadline.
    .addColumn('pay_by', 'timestamptz')
    .addColumn('paid_at', 'timestamptz')
    .addColumn('receipt_no', 'text', (c) => c.check(sql`char_length(receipt_no) between 1 and 40`))
    .addColumn('amount_cents', 'integer', (c) => c.check(sql`amount_cents between 0 and 100000000`))
    .addColumn('withdrawn_reason', 'text', (c) => c.check(sql`withdrawn_reason in ('member', 'staff', 'declined', 'offer_expired', 'unpaid', 'redraw', 'upgraded')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('placements_member_class', ['class_id', 'member_id'])
    .addCheckConstraint('placements_offer', sql`(status = 'offered') = (offer_expires_at is not null)`)
    .addCheckConstraint('placements_queue', sql`status <> 'waitlisted' or queue_no is not null`)
    .execute();
  await sql`create index placements_term_idx on placements (term_id, class_id, status, queue_no)`.execute(db);
  await sql`create index placements_member_idx on placements (member_id, term_id)`.execute(db);
  await sql`create index placements_offer_expiry_idx on placements (offer_expires_at) where status = 'offered'`.execute(db);
  await sql`create index placements_unpaid_idx on placements (pay_by) where status = 'admitted' and paid_at is null and pay_by is not null`.execute(db);
  await sql`create unique index placements_queue_no_idx on placements (class_id, queue_no) where queue_no is not null`.execute(db);

  // Seats held per class, one update per statement (transition tables). A statement that would overfill a class
  // fails on term_classes_seats and takes its whole transaction with it.
  await sql`
    create function placements_count_seats() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        update term_classes c set taken = c.taken + d.n
          from (select class_id, count(*)::int n from new_rows where status in ('admitted', 'offered') group by class_id) d
          where c.id = d.class_id;
      elsif tg_op = 'DELETE' then
        update term_classes c set taken = c.taken - d.n
          from (select class_id, count(*)::int n from old_rows where status in ('admitted', 'offered') group by class_id) d
          where c.id = d.class_id;
      else
        update term_classes c set taken = c.taken + d.n
          from (select class_id, sum(n)::int n from (
                  select class_id, 1 n from new_rows where status in ('admitted', 'offered')
                  union all
                  select class_id, -1 n from old_rows where status in ('admitted', 'offered')) s
                group by class_id having sum(n) <> 0) d
          where c.id = d.class_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger placements_seats_insert after insert on placements referencing new table as new_rows
    for each statement execute function placements_count_seats()`.execute(db);
  await sql`create trigger placements_seats_update after update on placements referencing old table as old_rows new table as new_rows
    for each statement execute function placements_count_seats()`.execute(db);
  await sql`create trigger placements_seats_delete after delete on placements referencing old table as old_rows
    for each statement execute function placements_count_seats()`.execute(db);

  await db.schema
    .createTable('term_draws')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('term_id', 'uuid', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('seed_hash', 'text', (c) => c.notNull())
    .addColumn('public_number', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    // Everything needed to recompute the draw, as published: the applications, the seats, the order, the result.
    .addColumn('published', 'jsonb', (c) => c.notNull())
    .addColumn('drawn_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('drawn_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // An admin's redo: the reason is kept with the superseded draw.
    .addColumn('superseded_at', 'timestamptz')
    .addColumn('superseded_reason', 'text')
    .addUniqueConstraint('term_draws_round', ['term_id', 'round'])
    .execute();
  await sql`create unique index term_draws_live_idx on term_draws (term_id) where superseded_at is null`.execute(db);

  // A seat count changed in this term: the seat board's coalescer sends one seats.changed for many of these.
  // Insert-only and unindexed, so that racing writers never wait on each other here.
  await db.schema
    .createTable('term_seat_changes')
    .addColumn('term_id', 'uuid', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Members sign in on the phone pages with their member number and a PIN the desk issues.
  await db.schema
    .createTable('member_pins')
    .addColumn('member_id', 'uuid', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('pin_hash', 'text', (c) => c.notNull())
    .addColumn('set_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('set_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('member_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index member_sessions_member_idx on member_sessions (member_id)`.execute(db);

  await sql`alter table audit_log drop constraint audit_log_entity_kind_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_kind_check
    check (entity_kind in ('booking','member','match','user','device','tournament','calendar_link','term','placement'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from audit_log where entity_kind in ('term', 'placement')`.execute(db);
  await sql`alter table audit_log drop constraint audit_log_entity_kind_check`.execute(db);
  await sql`alter table audit_log add constraint audit_log_entity_kind_check
    check (entity_kind in ('booking','member','match','user','device','tournament','calendar_link'))`.execute(db);
  for (const table of ['member_sessions', 'member_pins', 'term_seat_changes', 'term_draws', 'placements', 'enrolment_applications', 'term_classes', 'terms']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function placements_count_seats()`.execute(db);
}
