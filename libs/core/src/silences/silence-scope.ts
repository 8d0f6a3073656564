import type { Silence } from './silence.entity.js';
import type { SilenceScope } from './silence.js';

/** The scope as the API and the matching code see it. */
export function scopeOf(silence: Pick<Silence, 'scopeType' | 'scopeId'>): SilenceScope {
  if (silence.scopeType === 'integration') {
    return { type: 'integration', integrationId: silence.scopeId ?? '' };
  }
  if (silence.scopeType === 'channel') return { type: 'channel', channelId: silence.scopeId ?? '' };
  return { type: 'all' };
}

/** The scope as stored. */
export function scopeColumns(scope: SilenceScope): Pick<Silence, 'scopeType' | 'scopeId'> {
  switch (scope.type) {
    case 'all':
      return { scopeType: 'all', scopeId: null };
    case 'integration':
      return { scopeType: 'integration', scopeId: scope.integrationId };
    case 'channel':
      return { scopeType: 'channel', scopeId: scope.channelId };
  }
}
