/** The hall's seat board of a term (client/display/, `?term=ID`), in Chinese (merged into `zh-CN.ts`). */
export const displayEnrolmentZhCN = {
  'sboard.notFound': '找不到这个学期，或本屏无权显示它。',
  'sboard.disconnected': '连接中断，名额可能不是最新',
  'sboard.refused': '无法接收此学期的实时名额。',
  'sboard.noClasses': '本学期还没有开设班级',

  'sboard.head.class': '班级',
  'sboard.head.capacity': '名额',
  'sboard.head.admitted': '已录取',
  'sboard.head.waitlisted': '候补',
  'sboard.head.offered': '待确认',
  'sboard.head.status': '余位',

  'sboard.status.full': '已满',
  'sboard.status.few': '仅余 {n} 席',
  'sboard.status.open': '余 {n} 席',
  'sboard.status.draw': '余 {n} 席',
  'sboard.course.summary': '{classes} 个班 · 余 {free} 席',
  'sboard.course.full': '{classes} 个班 · 全部已满',
  'sboard.course.continued': '（续）',
  'sboard.page.range': '{first} — {last}',

  'sboard.phase.setup': '尚未开始',
  'sboard.phase.renewal': '老学员续报',
  'sboard.phase.applying': '报名中',
  'sboard.phase.closed': '报名已截止',
  'sboard.phase.drawn': '已摇号',
  'sboard.phase.placed': '报名已结束',
  'sboard.when.renewFrom': '老学员续报 {at} 开始',
  'sboard.when.renewUntil': '续报至 {at}',
  'sboard.when.applyFrom': '新学员报名 {at} 开始',
  'sboard.when.applyUntil': '截止 {at}',
  'sboard.when.awaitDraw': '等待公开摇号',
  'sboard.when.drawnAt': '{at} 公开摇号',
  'sboard.when.payUntil': '缴费截止 {at}',
  'sboard.note.lottery': '名额公开摇号分配，不分报名先后',
  'sboard.note.firstCome': '先到先得，满额后进入候补',
  'sboard.note.waitlist': '有人退出时，候补依次递补',
};

export type DisplayEnrolmentMessageKey = keyof typeof displayEnrolmentZhCN;
