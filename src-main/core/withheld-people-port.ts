/**
 * The people who asked not to have their data sold or shared (CCPA), as the capabilities that
 * send data out of the machine ask for them: notify (every channel) replaces them in a notice, the
 * AI layer in a prompt. createCore hands compliance's answer to both, so neither imports it.
 */
export interface WithheldPeople {
  /** Their addresses and names, as found in the local store. */
  values(): readonly string[];
  /** `text` with each of them replaced by [withheld]. */
  scrub(text: string): string;
}
