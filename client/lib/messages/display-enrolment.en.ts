/** The hall's seat board of a term (client/display/, `?term=ID`), in English (merged into `en.ts`). */
import type { DisplayEnrolmentMessageKey } from './display-enrolment.zh-CN.ts';

export const displayEnrolmentEn: Record<DisplayEnrolmentMessageKey, string> = {
  'sboard.notFound': 'This term cannot be found, or this screen may not show it.',
  'sboard.disconnected': 'Connection lost: seats may be out of date',
  'sboard.refused': 'Live seat counts of this term are refused.',
  'sboard.noClasses': 'No classes have been set up for this term yet',

  'sboard.head.class': 'Class',
  'sboard.head.capacity': 'Seats',
  'sboard.head.admitted': 'In',
  'sboard.head.waitlisted': 'Wait',
  'sboard.head.offered': 'Offer',
  'sboard.head.status': 'Left',

  'sboard.status.full': 'Full',
  'sboard.status.few': 'Last {n}',
  'sboard.status.open': '{n} left',
  'sboard.status.draw': '{n} left',
  'sboard.course.summary': '{classes} classes · {free} seats left',
  'sboard.course.full': '{classes} classes · all full',
  'sboard.course.continued': ' (cont.)',
  'sboard.page.range': '{first} to {last}',

  'sboard.phase.setup': 'Not open yet',
  'sboard.phase.renewal': 'Returning students',
  'sboard.phase.applying': 'Applications open',
  'sboard.phase.closed': 'Applications closed',
  'sboard.phase.drawn': 'Drawn',
  'sboard.phase.placed': 'Enrolment over',
  'sboard.when.renewFrom': 'Returning students confirm from {at}',
  'sboard.when.renewUntil': 'Returning students until {at}',
  'sboard.when.applyFrom': 'New applications from {at}',
  'sboard.when.applyUntil': 'Until {at}',
  'sboard.when.awaitDraw': 'Awaiting the public draw',
  'sboard.when.drawnAt': 'Drawn in public {at}',
  'sboard.when.payUntil': 'Pay by {at}',
  'sboard.note.lottery': 'Seats are drawn by lot in public, not by who applied first',
  'sboard.note.firstCome': 'First come, first served; then a waiting list',
  'sboard.note.waitlist': 'When someone drops out, the next on the waiting list is offered the seat',
};
