export type CopyOutcome = 'copied' | 'selected';

/**
 * Copies a value. The async clipboard first; where it is refused (the Electron window denies
 * permission requests), the text in its readonly input is selected and copied the old way;
 * when even that fails the text stays selected so the founder can press Ctrl/Cmd+C.
 */
export async function copyText(value: string, input: HTMLInputElement | null): Promise<CopyOutcome> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(value);
      return 'copied';
    }
  } catch {
    // refused: fall back below
  }
  if (!input) return 'selected';
  input.focus();
  input.select();
  input.setSelectionRange(0, value.length);
  try {
    return document.execCommand('copy') ? 'copied' : 'selected';
  } catch {
    return 'selected';
  }
}
