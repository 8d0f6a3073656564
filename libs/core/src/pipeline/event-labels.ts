/** The one name an assignment would not make a label: it sets the prototype instead. */
const PROTOTYPE_SETTER = '__proto__';

/**
 * Sets a label on labels the pipeline owns. A label named `__proto__` (from a CSV header, a regex
 * group) is defined, not assigned, so it stays a label and never touches the prototype; any other
 * name is assigned, which keeps the object in V8's fast mode (a defined property turns it into a
 * slow dictionary for every later read, copy and serialisation).
 */
export function setLabel(labels: Record<string, string>, name: string, value: string): void {
  if (name === PROTOTYPE_SETTER) {
    Object.defineProperty(labels, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return;
  }
  labels[name] = value;
}

export function hasLabel(labels: Record<string, string>, name: string): boolean {
  return Object.hasOwn(labels, name);
}
