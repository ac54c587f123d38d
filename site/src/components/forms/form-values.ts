/** A text field of a submitted form, "" when absent. */
export const formText = (data: FormData, name: string): string => String(data.get(name) ?? '');

/** Whether a checkbox of a submitted form was ticked. */
export const formChecked = (data: FormData, name: string): boolean => data.get(name) === 'on';
