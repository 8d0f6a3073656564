/**
 * Compiled forms of things stored with a version (an integration's routes, its pipeline), keyed by
 * owner and version: a change is a new key, and the oldest keys fall out past `kept`.
 */
export class CompiledCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly kept: number) {}

  get(owner: string, version: number, compile: () => T): T {
    const key = `${owner}@${version}`;
    let compiled = this.entries.get(key);
    if (compiled === undefined) {
      compiled = compile();
      if (this.entries.size >= this.kept) {
        const oldest = this.entries.keys().next();
        if (!oldest.done) this.entries.delete(oldest.value);
      }
      this.entries.set(key, compiled);
    }
    return compiled;
  }
}
