/**
 * Sets a label on labels the pipeline owns. Defined, not assigned: a label named `__proto__`
 * (from a CSV header, a regex group) must stay a label and never touch the prototype.
 */
export function setLabel(labels: Record<string, string>, name: string, value: string): void {
  Object.defineProperty(labels, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export function hasLabel(labels: Record<string, string>, name: string): boolean {
  return Object.hasOwn(labels, name);
}
