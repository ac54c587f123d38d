import type { EvidenceTime } from '../../../shared/contract/guardian';
import { When } from './When';

/** Guardian's evidence in words, then the moment it refers to ("down since 7 Dec 2026, 14:05") in the house style. */
export function Evidence({ text, time }: { text: string; time?: EvidenceTime | undefined }) {
  return (
    <>
      {text}
      {time ? (
        <>
          {' · '}
          {time.label} <When at={time.at} />
        </>
      ) : null}
    </>
  );
}
