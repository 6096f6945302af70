import type { ActiveLevel } from '../levels/ResponseLevel.ts';
import type { EquipmentClass } from '../registry/EquipmentClass.ts';

/**
 * The wording of every SMS in one language, as data. Placeholders in braces are filled in;
 * a language is added by adding one such object (templates/<lang>.ts) and its code to LANGUAGES.
 */
export interface SmsTemplate {
  level: Record<ActiveLevel, string>;
  pass: Record<EquipmentClass, string>;
  /** Header: {level} {vehicle} {depot} {startBy}. */
  header: string;
  /** One task: {code} {road} {pass}. */
  task: string;
  taskSeparator: string;
  legend: string;
  /** Put before a tasking sent again because nobody acknowledged it. */
  resendPrefix: string;
  /** Put before a tasking handed to the backup leader: {leader}. */
  backupPrefix: string;
  help: string;
  /**
   * Tasks called off after the crew had been tasked with them (stand-down, or a downgrade taking the roads
   * out of scope): {tasks} ("{code} {road}" joined by duty.listSeparator). One wording for both, so a notice
   * can go out before the activation closes and a retry never needs to know which it was.
   */
  cancelled: string;
  reply: {
    ack: string; onsite: string; done: string; cannot: string; stop: string;
    /** After the codes when a bare digit applied to several tasks: {n}. */
    several: string;
    none: string;
    /** A task code that is not one of the sender's open tasks: {code}. */
    notYours: string;
  };
  duty: {
    /** Nobody in the crew confirmed: {crew} {codes}. */
    unconfirmed: string;
    /** Neither leader nor backup can be reached by SMS: {crew} {codes} {reason}. */
    unreachable: string;
    /** A leader said they cannot go: {crew} {codes} {replacement}. */
    cannot: string;
    replacedBy: string;
    noReplacement: string;
    /** Road passes no team could be found for: {level} {n} {roads}. */
    shortfall: string;
    listSeparator: string;
  };
}
