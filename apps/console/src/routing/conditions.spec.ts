import { describe, expect, it } from '@jest/globals';
import { cleanCondition, fieldKindOf, fieldOf, labelNameOf, withOperator } from './conditions';
import { cleanRouteSet, moved, routeChannelIds } from './route-set';

describe('conditions as the routing editor builds them', () => {
  it('reads and writes label fields and event fields', () => {
    expect([fieldKindOf('labels.team'), labelNameOf('labels.team')]).toEqual(['labels', 'team']);
    expect([fieldKindOf('severity'), labelNameOf('severity')]).toEqual(['severity', '']);
    expect(fieldOf('labels', 'instance')).toBe('labels.instance');
    expect(fieldOf('title', 'ignored')).toBe('title');
  });

  it('keeps what was typed when the operator changes what it takes', () => {
    const equals = { field: 'labels.team', operator: 'equals' as const, value: 'db' };
    const oneOf = withOperator(equals, 'in');
    expect(oneOf).toEqual({ field: 'labels.team', operator: 'in', values: ['db'] });
    expect(withOperator(oneOf, 'regex')).toEqual({
      field: 'labels.team',
      operator: 'regex',
      value: 'db',
    });
    expect(withOperator(equals, 'exists')).toEqual({ field: 'labels.team', operator: 'exists' });
  });

  it('sends only what the operator takes, without the blanks a typed list leaves', () => {
    expect(
      cleanCondition({ field: 'status', operator: 'not_in', value: 'x', values: ['a', ' ', 'b '] }),
    ).toEqual({ field: 'status', operator: 'not_in', values: ['a', 'b'] });
    expect(cleanCondition({ field: 'title', operator: 'not_exists', value: 'x' })).toEqual({
      field: 'title',
      operator: 'not_exists',
    });
    const rule = {
      name: 'r',
      conditions: [{ field: 'title', operator: 'equals' as const }],
      channelIds: [],
      continue: false,
    };
    expect(cleanRouteSet({ rules: [rule], defaultChannelIds: [] }).rules[0]?.conditions).toEqual([
      { field: 'title', operator: 'equals', value: '' },
    ]);
  });

  it('moves a rule within the list, and not past either end', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('the channels a route set names', () => {
  it('lists each once, rules first, then the defaults', () => {
    const rule = { name: 'r', conditions: [], continue: false };
    const routes = {
      rules: [
        { ...rule, channelIds: ['b', 'a'] },
        { ...rule, channelIds: ['a', 'c'] },
      ],
      defaultChannelIds: ['d', 'b'],
    };
    expect(routeChannelIds(routes)).toEqual(['b', 'a', 'c', 'd']);
  });
});
