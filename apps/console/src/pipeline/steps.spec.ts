import { describe, expect, it } from '@jest/globals';
import { cleanStep, namesOf, pairsOf, textOfPairs, withKind } from './steps';

describe('pipeline steps as the console edits them', () => {
  it('keeps only what the kind takes, and firingOnly only where allowed', () => {
    expect(
      cleanStep({
        kind: 'set_labels',
        name: '',
        firingOnly: true,
        labels: { team: 'db' },
        template: 'left over from a title step',
      }),
    ).toEqual({ kind: 'set_labels', firingOnly: false, labels: { team: 'db' } });
    expect(cleanStep({ kind: 'drop', firingOnly: true, reason: 'noise' })).toEqual({
      kind: 'drop',
      firingOnly: true,
      reason: 'noise',
    });
  });

  it('sends a severity step that sets one severity without a remap', () => {
    expect(
      cleanStep({ kind: 'severity', firingOnly: false, set: 'Critical', remap: { P0: 'Info' } }),
    ).toEqual({ kind: 'severity', firingOnly: false, set: 'Critical' });
  });

  it('keeps the shared fields when the kind changes', () => {
    expect(
      withKind({ kind: 'extract', firingOnly: false, field: 'labels.host', pattern: 'x' }, 'map'),
    ).toEqual({ kind: 'map', firingOnly: false, field: 'labels.host' });
  });

  it('reads name=value lines and comma lists as typed', () => {
    expect(pairsOf('team = db\n\nnot a pair\nsummary={{ $.title }} = x')).toEqual({
      team: 'db',
      summary: '{{ $.title }} = x',
    });
    expect(textOfPairs({ a: '1', b: '2' })).toBe('a=1\nb=2');
    expect(namesOf(' a, ,b ,')).toEqual(['a', 'b']);
  });
});
