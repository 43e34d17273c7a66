import type { TriggerInfo } from '../recognize/event-triggers.js';
import type { RoleHit, TriggerAnalysis } from './roles.js';
import type { EventFrame, Factuality, Mention } from '../doc.js';

/** One event while its sentence is being worked on, before it becomes an EventFrame. */
export interface Pending {
  trigger: Mention;
  info: TriggerInfo;
  /** Absent when the trigger's words could not be found in the parse (the event keeps no roles). */
  analysis?: TriggerAnalysis;
  hits: RoleHit[];
  factuality: Factuality;
  fatalities?: EventFrame['fatalities'];
  injured?: EventFrame['injured'];
}
