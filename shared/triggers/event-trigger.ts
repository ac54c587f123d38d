/**
 * A trigger type that starts a workflow on one contract event, under a name of its own
 * (`{ "type": "lead.created", "filter": { "product": "crm-kit" } }`): the same as an `event`
 * trigger on that event, with a title and help the editor shows. The run's input is
 * `{ event, payload }`, as for an `event` trigger; `filter` is the same subset match.
 */
export interface EventTriggerType<T extends string = string> {
  type: T;
  /** The contract event it fires on. */
  event: string;
  /** The editor's tab and the workflows list's label. */
  title: string;
  /** One sentence: when it fires and what the payload holds. */
  description: string;
  /** A filter the editor offers as a placeholder. */
  filterExample: Record<string, unknown>;
}

export function defineEventTrigger<const T extends string>(def: EventTriggerType<T>): EventTriggerType<T> {
  return def;
}
