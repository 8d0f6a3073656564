import { InvalidParameterError } from '../common/api-error.js';

/** A title and a body with `{{name}}` placeholders and `{{#name}}…{{/name}}` sections. */
export interface NotificationTemplate {
  title: string;
  body: string;
}

/**
 * What a template can say. A section `{{#name}}…{{/name}}` shows only when `name` is not empty
 * (e.g. `{{#resolvedAt}}resolved after {{duration}}{{/resolvedAt}}`).
 */
export const TEMPLATE_VARIABLES = [
  'headline',
  'transition',
  'title',
  'description',
  'severity',
  'previousSeverity',
  'startsAt',
  'resolvedAt',
  'duration',
  'labels',
  'alertKey',
  'alertId',
  'link',
  'notificationId',
  'sequence',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** Values of the variables; `labels.<name>` reads one label. */
export interface TemplateValues {
  variables: Record<TemplateVariable, string>;
  labels: Record<string, string>;
}

const LABEL_PREFIX = 'labels.';
const PLACEHOLDER = /\{\{\s*([#/]?)([A-Za-z][\w.-]*)\s*\}\}/g;
const SECTION = /\{\{#([A-Za-z][\w.-]*)\}\}([\s\S]*?)\{\{\/\1\}\}/g;

function isVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

function valueOf(name: string, values: TemplateValues): string {
  if (name.startsWith(LABEL_PREFIX)) return values.labels[name.slice(LABEL_PREFIX.length)] ?? '';
  return isVariable(name) ? values.variables[name] : '';
}

/** Why a template text is unusable: unknown names, sections not closed. Empty when fine. */
export function templateProblems(text: string, place: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const [, mark, name = ''] of text.matchAll(PLACEHOLDER)) {
    const known =
      isVariable(name) || (name.startsWith(LABEL_PREFIX) && name.length > LABEL_PREFIX.length);
    if (!known) {
      problems.push(
        `${place}: unknown placeholder {{${name}}}; known are ${TEMPLATE_VARIABLES.join(', ')} and labels.<name>`,
      );
    }
    if (mark === '#') open.push(name);
    if (mark === '/' && open.pop() !== name)
      problems.push(`${place}: {{/${name}}} closes no open section`);
  }
  if (open.length > 0)
    problems.push(`${place}: section {{#${open.join('}}, {{#')}}} is not closed`);
  return problems;
}

/** Throws a 400 naming every problem of the template. */
export function assertUsableTemplate(template: NotificationTemplate): void {
  const problems = [
    ...templateProblems(template.title, 'template.title'),
    ...templateProblems(template.body, 'template.body'),
  ];
  if (problems.length > 0) {
    throw new InvalidParameterError(`template: ${problems.join('; ')}`, problems);
  }
}

/** The text with sections decided and placeholders filled; a template is checked beforehand. */
export function renderTemplate(text: string, values: TemplateValues): string {
  let previous: string;
  let rendered = text;
  // Innermost sections first, until none is left.
  do {
    previous = rendered;
    rendered = rendered.replace(SECTION, (_whole, name: string, inner: string) =>
      valueOf(name, values) === '' ? '' : inner,
    );
  } while (rendered !== previous);
  return rendered.replace(PLACEHOLDER, (_whole, _mark: string, name: string) =>
    valueOf(name, values),
  );
}
