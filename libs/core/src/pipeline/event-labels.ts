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

const NONE: ReadonlySet<string> = new Set();

/**
 * A copy of labels for the pipeline to change, without the names `leftOut`. Steps that take labels
 * away make such a copy instead of using `delete`, which would turn the object into a slow
 * dictionary too. Copied name by name, not spread: V8 shares no shapes between spread copies once
 * labels are added to them, so each label added makes a new shape for that event alone (~2 µs),
 * and every later read and serialisation of the labels takes the slow path.
 */
export function copyOfLabels(
  labels: Readonly<Record<string, string>>,
  leftOut: ReadonlySet<string> = NONE,
): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name in labels) {
    if (Object.hasOwn(labels, name) && !leftOut.has(name)) setLabel(copy, name, labels[name]);
  }
  return copy;
}

/** New labels from name-value pairs, in their order: a later pair of a name wins. */
export function labelsOf(entries: Iterable<readonly [string, string]>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [name, value] of entries) setLabel(labels, name, value);
  return labels;
}
