// A value made at its first use rather than at module load. Every module pm bundles is loaded at
// each start, whichever command runs; a regular expression with Unicode property classes
// (\p{…}) costs V8 ~0.1 ms to build (the seven of mentions, search-text and identity ~0.8 ms),
// paid by every command though only a few use them.
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
