/** A text field of a submitted form, "" when absent. */
export const formText = (data: FormData, name: string): string => String(data.get(name) ?? '');

/** Whether a checkbox of a submitted form was ticked. */
export const formChecked = (data: FormData, name: string): boolean => data.get(name) === 'on';

/** Several text fields of a submitted form at once, by name. */
export function formTexts<K extends string>(data: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, formText(data, name)])) as Record<K, string>;
}
