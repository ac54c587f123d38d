/** What a provider answered and the error, if any, as a test or an attempt shows them; `testId` prefixes `-answer` and `-error`. */
export function ProviderWords({ answer, error, testId }: { answer: string | null; error: string | null; testId: string }) {
  return (
    <>
      {answer ? <span data-testid={`${testId}-answer`}>{answer}</span> : null}
      {error ? (
        <span className="al-error" data-testid={`${testId}-error`}>
          {error}
        </span>
      ) : null}
    </>
  );
}
