import { describe, expect, it } from '@jest/globals';
import { InvalidParameterError } from '../common/api-error.js';
import { parseRouteSet, type RouteSetInput } from './route-set-validation.js';

type ConditionInput = RouteSetInput['rules'][number]['conditions'][number];

function withCondition(condition: ConditionInput): RouteSetInput {
  return { rules: [{ name: 'r', conditions: [condition], channelIds: ['ch-1'] }] };
}

function problemsOf(input: RouteSetInput): string[] {
  try {
    parseRouteSet(input);
  } catch (error) {
    if (error instanceof InvalidParameterError) return error.details as string[];
    throw error;
  }
  return [];
}

describe('parseRouteSet', () => {
  it('returns the typed rule set with defaults filled in and channels once each', () => {
    const conditions: ConditionInput[] = [
      { field: 'labels.team', operator: 'equals', value: 'db' },
      { field: 'severity', operator: 'in', values: ['Critical', 'Warning'] },
      { field: 'description', operator: 'exists' },
    ];
    const routes = parseRouteSet({
      rules: [
        {
          name: 'db',
          conditions,
          channelIds: ['ch-1', 'ch-1', 'ch-2'],
        },
      ],
    });
    expect(routes).toEqual({
      rules: [
        {
          name: 'db',
          conditions,
          channelIds: ['ch-1', 'ch-2'],
          continue: false,
        },
      ],
      defaultChannelIds: [],
    });
  });

  it('names the place of each problem', () => {
    const problems = problemsOf({
      rules: [
        { name: 'ok', conditions: [{ field: 'title', operator: 'exists' }], channelIds: ['c'] },
        {
          name: 'bad',
          conditions: [
            { field: 'title', operator: 'exists' },
            { field: 'hostname', operator: 'equals', value: 'x' },
          ],
          channelIds: ['c'],
        },
      ],
    });
    expect(problems).toEqual([
      'rules[1].conditions[1]: field must be one of title, description, severity, status or labels.<name>, not "hostname"',
    ]);
  });

  it('refuses a field that is not an event field or a named label', () => {
    expect(problemsOf(withCondition({ field: 'labels.', operator: 'exists' }))).toHaveLength(1);
    expect(problemsOf(withCondition({ field: 'Title', operator: 'exists' }))).toHaveLength(1);
    expect(problemsOf(withCondition({ field: 'labels.a.b', operator: 'exists' }))).toEqual([]);
  });

  it('requires a value for equals, not_equals, regex and not_regex, and nothing else', () => {
    expect(problemsOf(withCondition({ field: 'title', operator: 'equals' }))).toEqual([
      'rules[0].conditions[0]: equals needs a value',
    ]);
    expect(
      problemsOf(withCondition({ field: 'title', operator: 'not_equals', value: 'a', values: [] })),
    ).toEqual(['rules[0].conditions[0]: not_equals takes one value, not values']);
  });

  it('requires a non-empty list of values for in and not_in', () => {
    expect(problemsOf(withCondition({ field: 'title', operator: 'in', values: [] }))).toEqual([
      'rules[0].conditions[0]: in needs values',
    ]);
    expect(problemsOf(withCondition({ field: 'title', operator: 'not_in', value: 'x' }))).toEqual([
      'rules[0].conditions[0]: not_in needs values',
      'rules[0].conditions[0]: not_in takes values, not one value',
    ]);
  });

  it('refuses a value for exists and not_exists', () => {
    expect(
      problemsOf(withCondition({ field: 'labels.team', operator: 'exists', value: 'db' })),
    ).toEqual(['rules[0].conditions[0]: exists takes no value']);
  });

  it('refuses a pattern that does not compile, with the reason', () => {
    const [problem] = problemsOf(withCondition({ field: 'title', operator: 'regex', value: '(a' }));
    expect(problem).toMatch(
      /^rules\[0\]\.conditions\[0\]: value is not a usable regular expression/,
    );
    expect(problem).toContain('missing closing )');
  });

  it('refuses what a linear-time engine cannot run: backreferences and lookarounds', () => {
    for (const value of ['(a)\\1', '(?=a)b', 'a(?!b)']) {
      expect(
        problemsOf(withCondition({ field: 'title', operator: 'not_regex', value })),
      ).toHaveLength(1);
    }
  });

  it('refuses severity and status values that could never match', () => {
    expect(
      problemsOf(withCondition({ field: 'severity', operator: 'equals', value: 'critical' })),
    ).toEqual([
      'rules[0].conditions[0]: severity is one of Critical, Warning, Info, never critical',
    ]);
    expect(
      problemsOf(withCondition({ field: 'status', operator: 'not_in', values: ['firing', 'Ok'] })),
    ).toEqual(['rules[0].conditions[0]: status is one of firing, resolved, never Ok']);
    expect(
      problemsOf(withCondition({ field: 'severity', operator: 'regex', value: '^crit' })),
    ).toEqual([]);
  });

  it('throws one InvalidParameter error listing every problem', () => {
    expect(() =>
      parseRouteSet({
        rules: [
          {
            name: 'r',
            conditions: [
              { field: 'nope', operator: 'exists' },
              { field: 'title', operator: 'regex', value: '[' },
            ],
            channelIds: ['c'],
          },
        ],
      }),
    ).toThrow(/invalid routes: rules\[0\]\.conditions\[0\]: .*; rules\[0\]\.conditions\[1\]: /);
  });
});
