import type { NormalizedEvent } from '../events/normalized-event.js';
import { compileCondition, compileField } from '../routing/route-condition.js';
import { compileEventTemplate } from './event-template.js';
import { copyOfLabels, hasLabel, labelsOf, setLabel } from './event-labels.js';
import type { MapTableIndex } from './map-table.js';
import { compileNamedGroups } from './named-groups.js';
import { ALWAYS_RUN_KINDS, type PipelineStep } from './pipeline.js';

/** `changed`: the step changed the event; `dropped`: the event is not to be stored. */
export type StepOutcome = 'unchanged' | 'changed' | 'dropped';

/** The map tables of an integration by name, as their latest versions index them. */
export type MapTables = ReadonlyMap<string, MapTableIndex>;

/** A step ready to run on events the pipeline owns (copies): it changes them in place. */
export interface CompiledStep {
  applies: (event: NormalizedEvent) => boolean;
  act: (event: NormalizedEvent, tables: MapTables) => StepOutcome;
}

/** A label prefix rename: `"_aliyun_arms_*": "arms_*"`. */
const PREFIX = '*';

function changedIf(changed: boolean): StepOutcome {
  return changed ? 'changed' : 'unchanged';
}

function setLabels(event: NormalizedEvent, values: Iterable<[string, string]>): StepOutcome {
  let changed = false;
  for (const [name, value] of values) {
    if (event.labels[name] === value && hasLabel(event.labels, name)) continue;
    setLabel(event.labels, name, value);
    changed = true;
  }
  return changedIf(changed);
}

function renameLabels(renames: Record<string, string>): CompiledStep['act'] {
  const exact = new Map(Object.entries(renames).filter(([from]) => !from.endsWith(PREFIX)));
  const prefixes = Object.entries(renames)
    .filter(([from]) => from.endsWith(PREFIX))
    .map(([from, to]) => [from.slice(0, -1), to.slice(0, -1)] as const);
  const renamedByPrefix = (name: string): string | undefined => {
    const prefix = prefixes.find(([from]) => name.startsWith(from));
    return prefix && prefix[1] + name.slice(prefix[0].length);
  };
  return (event) => {
    // Renamed in a Map, which deletes and sets as the labels would, then made labels again:
    // a `delete` would turn them into a slow dictionary (copyOfLabels).
    let renamed: Map<string, string> | null = null;
    for (const name of Object.keys(event.labels)) {
      const to = exact.get(name) ?? renamedByPrefix(name);
      if (to === undefined || to === name) continue;
      renamed ??= new Map(Object.entries(event.labels));
      renamed.delete(name);
      renamed.set(to, event.labels[name]);
    }
    if (renamed === null) return 'unchanged';
    event.labels = labelsOf(renamed);
    return 'changed';
  };
}

function extract(field: string, pattern: string): CompiledStep['act'] {
  const valueOf = compileField(field);
  const namedGroupsOf = compileNamedGroups(pattern);
  return (event) => {
    const value = valueOf(event);
    const found = value === undefined ? null : namedGroupsOf(value);
    return found === null ? 'unchanged' : setLabels(event, found);
  };
}

/** What one kind of step does to an event. */
function actionOf(step: PipelineStep): CompiledStep['act'] {
  switch (step.kind) {
    case 'set_labels': {
      const templates = Object.entries(step.labels).map(
        ([name, text]) => [name, compileEventTemplate(text)] as const,
      );
      return (event) => {
        // Every template reads the event as it came to the step, not as its siblings left it.
        const values = templates.map(([name, render]) => [name, render(event)] as [string, string]);
        return setLabels(event, values);
      };
    }
    case 'rename_labels':
      return renameLabels(step.renames);
    case 'delete_labels': {
      const names = new Set(step.names);
      return (event) => {
        if (!step.names.some((name) => hasLabel(event.labels, name))) return 'unchanged';
        event.labels = copyOfLabels(event.labels, names);
        return 'changed';
      };
    }
    case 'extract':
      return extract(step.field, step.pattern);
    case 'map': {
      const { table } = step;
      const keyOf = compileField(step.field);
      return (event, tables) => {
        const key = keyOf(event);
        const row = key === undefined ? undefined : tables.get(table)?.get(key);
        return row === undefined ? 'unchanged' : setLabels(event, row);
      };
    }
    case 'severity': {
      const remap = new Map(
        Object.entries(step.remap ?? {}).map(([word, to]) => [word.toLowerCase(), to]),
      );
      const { set } = step;
      const wordOf = step.field === undefined ? null : compileField(step.field);
      return (event) => {
        const word = wordOf === null ? event.sourceSeverity : wordOf(event);
        const severity = set ?? (word == null ? undefined : remap.get(word.trim().toLowerCase()));
        if (severity === undefined || severity === event.severity) return 'unchanged';
        event.severity = severity;
        return 'changed';
      };
    }
    case 'title': {
      const render = compileEventTemplate(step.template);
      return (event) => {
        const title = render(event);
        if (title === event.title || title.trim() === '') return 'unchanged';
        event.title = title;
        event.keepsAlertTitle = false;
        return 'changed';
      };
    }
    case 'description': {
      const render = compileEventTemplate(step.template);
      return (event) => {
        const text = render(event);
        const description = text.trim() === '' ? null : text;
        if (description === event.description) return 'unchanged';
        event.description = description;
        return 'changed';
      };
    }
    case 'drop':
      return () => 'dropped';
  }
}

/**
 * A step ready to run: its conditions compiled once. Label and severity steps run on resolutions
 * whatever they say: a resolution must reach the channels (and the alert) its firing reached.
 */
export function compileStep(step: PipelineStep): CompiledStep {
  const conditions = step.conditions.map(compileCondition);
  const firingOnly = step.firingOnly === true && !ALWAYS_RUN_KINDS.includes(step.kind);
  return {
    applies: (event) =>
      (!firingOnly || event.status !== 'resolved') && conditions.every((holds) => holds(event)),
    act: actionOf(step),
  };
}
