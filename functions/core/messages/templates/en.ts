import type { SmsTemplate } from '../SmsTemplate.ts';

/** English: GSM-7 when the road names allow, 160 characters in one part, 153 per part when concatenated. */
export const EN: SmsTemplate = {
  level: { IV: 'Level IV', III: 'Level III', II: 'Level II', I: 'Level I' },
  pass: { plough: 'plough', spreader: 'spread de-icer', 'snow-melter': 'snow-melt', loader: 'haul', sweeper: 'sweep' },
  header: 'SNOW {level}: vehicle {vehicle} from {depot}, start by {startBy}: ',
  task: '{code} {road} {pass}',
  taskSeparator: '; ',
  legend: '. Reply 1 ack/2 on site/3 done/9 cannot',
  resendPrefix: 'RESEND ',
  backupPrefix: 'BACKUP, {leader} did not confirm, take over: ',
  help: 'SNOW: reply 1 ack/2 on site/3 done/9 cannot; add a task code, e.g. "3 T07".',
  cancelled: 'SNOW: {tasks} cancelled, no action needed. Return to depot.',
  reply: {
    ack: 'Acknowledged', onsite: 'On site noted', done: 'Done noted', cannot: 'Cannot noted; the duty officer will reassign',
    stop: 'SMS stopped; the duty officer will call you', several: ' (all {n} tasks)', none: 'You have no open task this applies to', notYours: '{code} is not one of your open tasks',
  },
  duty: {
    unconfirmed: 'SNOW: {crew} tasks {codes} not confirmed by leader or backup. Please call.',
    unreachable: 'SNOW: {crew} tasks {codes}: SMS cannot reach them ({reason}). Please call.',
    cannot: 'SNOW: {crew} cannot do {codes}; {replacement}',
    replacedBy: 'reassigned to {crews}.',
    noReplacement: 'no free crew to reassign; please arrange.',
    shortfall: 'SNOW {level}: {n} road passes uncovered: {roads}. Please arrange.',
    listSeparator: ', ',
  },
};
