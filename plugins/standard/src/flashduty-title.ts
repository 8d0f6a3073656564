/** Flashduty renders a `title_rule` only when it starts so; any other is the title as written. */
const TEMPLATE_PREFIX = '[TPL]';

/**
 * `${name}` (Flashduty's label reference, `<no value>` when the label is missing) or
 * `{{.Labels.name}}` (its Go template form, empty when missing). One pass, so a label's value is
 * never read as a template itself.
 */
const LABEL_REFERENCE = /\$\{([^{}]*)\}|\{\{\s*\.Labels\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** A missing label in `${name}`, as Flashduty writes it. */
const NO_VALUE = '<no value>';

/**
 * A Flashduty `title_rule` with its label references filled in: `[TPL]${resource} / ${check}`
 * with labels `resource=db-1`, `check=cpu` is `db-1 / cpu`. Only label references are read; any
 * other template text stays as written.
 */
export function renderFlashdutyTitle(
  rule: string,
  labels: Readonly<Record<string, string>>,
): string {
  if (!rule.startsWith(TEMPLATE_PREFIX)) return rule;
  const label = (name: string) => (Object.hasOwn(labels, name) ? labels[name] : undefined);
  return rule
    .slice(TEMPLATE_PREFIX.length)
    .replace(LABEL_REFERENCE, (_reference, dollarName?: string, templateName?: string) =>
      dollarName !== undefined
        ? (label(dollarName) ?? NO_VALUE)
        : (label(templateName ?? '') ?? ''),
    );
}
