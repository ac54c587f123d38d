import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

/**
 * A CommonJS package loaded on its first use instead of at start-up. The clients for outside
 * services (Drive, JSONata, COPY streams…) cost hundreds of milliseconds to load together, and most
 * CLI commands and the first screen of `levqor serve` never touch them. `require` is synchronous,
 * so code that builds a client inside a synchronous function keeps its shape.
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireFromHere(name) as T);
}
