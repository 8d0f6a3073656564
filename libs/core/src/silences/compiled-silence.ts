import { compileCondition, type ConditionSubject } from '../routing/route-condition.js';
import { compileSchedule } from './silence-schedule.js';
import type { SilenceDefinition, SilenceMode, SilenceScope } from './silence.js';

/** A saved silence with what the ingest path needs of it compiled once. */
export interface CompiledSilence {
  id: string;
  reason: string;
  mode: SilenceMode;
  scope: SilenceScope;
  /** Its schedule holds at the instant and it has not expired. */
  inForceAt(epochMilliseconds: number): boolean;
  /** Its conditions hold for the event (or alert); the scope is checked by who asks. */
  matches(subject: ConditionSubject): boolean;
}

export interface SilenceToCompile extends SilenceDefinition {
  id: string;
}

export function compileSilence(silence: SilenceToCompile): CompiledSilence {
  const conditions = silence.conditions.map(compileCondition);
  const scheduleHolds = compileSchedule(silence.schedule);
  const expiresAt = silence.expiresAt?.getTime() ?? Infinity;
  return {
    id: silence.id,
    reason: silence.reason,
    mode: silence.mode,
    scope: silence.scope,
    inForceAt: (at) => at < expiresAt && scheduleHolds(at),
    matches: (subject) => conditions.every((holds) => holds(subject)),
  };
}

/**
 * The silences that may take the copies of a push's events: those in force when it was received,
 * of its integration's scope (`wide`: scope all or that integration) and per channel. In order of
 * precedence: drop before mark, then the broader scope (all, integration, channel), then the
 * oldest.
 */
export interface PushSilences {
  wide: CompiledSilence[];
  byChannel: ReadonlyMap<string, CompiledSilence[]>;
}

/** The silences that can still match, indexed by scope for the ingest path. */
export class SilenceIndex {
  readonly size: number;
  private readonly all: CompiledSilence[] = [];
  private readonly byIntegration = new Map<string, CompiledSilence[]>();
  private readonly byChannel = new Map<string, CompiledSilence[]>();
  private readonly byId = new Map<string, CompiledSilence>();

  /** `silences` oldest first. */
  constructor(silences: readonly CompiledSilence[]) {
    this.size = silences.length;
    const ordered = [
      ...silences.filter((silence) => silence.mode === 'drop'),
      ...silences.filter((silence) => silence.mode !== 'drop'),
    ];
    for (const silence of ordered) {
      this.byId.set(silence.id, silence);
      const { scope } = silence;
      if (scope.type === 'all') this.all.push(silence);
      else if (scope.type === 'integration')
        listIn(this.byIntegration, scope.integrationId).push(silence);
      else listIn(this.byChannel, scope.channelId).push(silence);
    }
  }

  get(id: string): CompiledSilence | undefined {
    return this.byId.get(id);
  }

  /** Null when none is in force for the integration at `at`: the push passes untouched. */
  forPush(integrationId: string, at: number): PushSilences | null {
    if (this.size === 0) return null;
    const inForce = (silence: CompiledSilence) => silence.inForceAt(at);
    const wide = [...this.all, ...(this.byIntegration.get(integrationId) ?? [])].filter(inForce);
    const byChannel = new Map<string, CompiledSilence[]>();
    for (const [channelId, silences] of this.byChannel) {
      const held = silences.filter(inForce);
      if (held.length > 0) byChannel.set(channelId, held);
    }
    if (wide.length === 0 && byChannel.size === 0) return null;
    return { wide: byPrecedence(wide), byChannel };
  }

  /**
   * The silence in force at `at` that takes an alert still firing, as a copy of its latest
   * event would be taken: `preferred` if it still does, else the first by precedence.
   */
  forAlert(
    alert: ConditionSubject & { integrationId: string; channelId: string },
    at: number,
    preferred: string,
  ): CompiledSilence | undefined {
    const takes = (silence: CompiledSilence | undefined): silence is CompiledSilence =>
      silence !== undefined && silence.inForceAt(at) && silence.matches(alert);
    const own = this.byId.get(preferred);
    if (takes(own) && inScope(own.scope, alert.integrationId, alert.channelId)) return own;
    const candidates = byPrecedence([
      ...this.all,
      ...(this.byIntegration.get(alert.integrationId) ?? []),
      ...(this.byChannel.get(alert.channelId) ?? []),
    ]);
    return candidates.find(takes);
  }
}

function listIn(map: Map<string, CompiledSilence[]>, key: string): CompiledSilence[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}

function inScope(scope: SilenceScope, integrationId: string, channelId: string): boolean {
  if (scope.type === 'all') return true;
  if (scope.type === 'integration') return scope.integrationId === integrationId;
  return scope.channelId === channelId;
}

/** Drop before mark; the sort is stable, so the order given stands within each. */
export function byPrecedence(silences: CompiledSilence[]): CompiledSilence[] {
  return silences.sort((a, b) => Number(b.mode === 'drop') - Number(a.mode === 'drop'));
}
