/**
 * The message a setting's refusal carries, for tests that list bad values; a value that is
 * accepted fails the test, naming it.
 */
export function refusalOf(settings: { set(key: string, value: unknown): unknown }): (key: string, value: unknown) => string {
  return (key, value) => {
    try {
      settings.set(key, value);
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error(`${key} = ${JSON.stringify(value)} was accepted`);
  };
}
