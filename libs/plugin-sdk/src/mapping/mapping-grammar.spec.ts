import { describe, expect, it } from '@jest/globals';
import { GRAMMAR_LIMITS, GrammarError, parsePath, parseTemplate } from './mapping-grammar.js';

function grammarError(action: () => unknown): GrammarError {
  try {
    action();
  } catch (error) {
    if (error instanceof GrammarError) return error;
    throw error;
  }
  throw new Error('expected a GrammarError');
}

describe('parsePath', () => {
  it('reads names, indexes (negative from the end) and quoted keys', () => {
    expect(parsePath('$.alerts[0].labels["team-name"].x_1[-1]')).toEqual({
      root: 'item',
      steps: ['alerts', 0, 'labels', 'team-name', 'x_1', -1],
      text: '$.alerts[0].labels["team-name"].x_1[-1]',
    });
  });

  it('tells the whole body ($$) from the item ($)', () => {
    expect(parsePath('$$.commonLabels').root).toBe('body');
    expect(parsePath('$').steps).toEqual([]);
  });

  it('reads JSON escapes in quoted keys', () => {
    expect(parsePath('$["a\\"b\\u00e9"]').steps).toEqual(['a"bé']);
  });

  it.each([
    ['alerts', 'expected a path starting with $', 1],
    ['$.', 'expected a name', 3],
    ['$.0', 'expected a name', 3],
    ['$[1234567]', 'expected an index of 1 to 6 digits', 3],
    ['$[]', 'expected an index', 3],
    ['$["a"', 'expected a closing ]', 6],
    ['$["a]', 'a quoted text is not closed', 3],
    ['$.a b', 'expected the path to end', 4],
    ['$.a..b', 'expected a name', 5],
    ['$.constructor()', 'expected the path to end', 14],
  ])('refuses %j: %s, at character %i', (text, reason, character) => {
    const error = grammarError(() => parsePath(text));
    expect(error.reason).toContain(reason);
    expect((error.at ?? -1) + 1).toBe(character);
  });

  it(`refuses a path of more than ${GRAMMAR_LIMITS.pathSteps} steps`, () => {
    const error = grammarError(() => parsePath(`$${'.a'.repeat(GRAMMAR_LIMITS.pathSteps + 1)}`));
    expect(error.reason).toContain('at most');
  });
});

describe('parseTemplate', () => {
  it('splits text and slots, with alternatives and quoted text', () => {
    expect(parseTemplate('{{ $.host }}: {{$.check | $$.default |"none"}}!').parts).toEqual([
      { kind: 'slot', operands: [{ kind: 'path', path: parsePath('$.host') }] },
      { kind: 'text', text: ': ' },
      {
        kind: 'slot',
        operands: [
          { kind: 'path', path: parsePath('$.check') },
          { kind: 'path', path: parsePath('$$.default') },
          { kind: 'literal', text: 'none' },
        ],
      },
      { kind: 'text', text: '!' },
    ]);
  });

  it('keeps text without slots as it is, a lone }} included', () => {
    expect(parseTemplate('never }} ends').parts).toEqual([{ kind: 'text', text: 'never }} ends' }]);
  });

  it('refuses quoted text whose escapes write U+0000 or half of a surrogate pair', () => {
    for (const text of ['{{ "a\\u0000" }}', '{{ "\\ud800" }}', '{{ $["\\udc00"] }}']) {
      expect(grammarError(() => parseTemplate(text)).reason).toBe(
        'a quoted text may not hold U+0000 or half of a surrogate pair',
      );
    }
    expect(parseTemplate('{{ "\\ud83d\\ude00" }}').parts).toEqual([
      { kind: 'slot', operands: [{ kind: 'literal', text: '😀' }] },
    ]);
  });

  it('writes {{ as text through a quoted slot', () => {
    expect(parseTemplate('{{ "{{" }}').parts).toEqual([
      { kind: 'slot', operands: [{ kind: 'literal', text: '{{' }] },
    ]);
  });

  it.each([
    ['{{ $.a', 'expected }} or |', 7],
    ['{{ }}', 'expected a path starting with $', 4],
    ['{{ $.a | }}', 'expected a path starting with $', 10],
    ['{{ toUpper($.a) }}', 'expected a path starting with $', 4],
    ['x {{ $.a[0 }}', 'expected a closing ]', 11],
  ])('refuses %j: %s, at character %i', (text, reason, character) => {
    const error = grammarError(() => parseTemplate(text));
    expect(error.reason).toContain(reason);
    expect((error.at ?? -1) + 1).toBe(character);
  });

  it('bounds slots, alternatives and length', () => {
    const slots = '{{ $.a }}'.repeat(GRAMMAR_LIMITS.slotsPerTemplate + 1);
    expect(grammarError(() => parseTemplate(slots)).reason).toContain('at most');
    const alternatives = `{{ ${Array(GRAMMAR_LIMITS.operandsPerSlot + 1)
      .fill('$.a')
      .join(' | ')} }}`;
    expect(grammarError(() => parseTemplate(alternatives)).reason).toContain('at most');
    const long = 'x'.repeat(GRAMMAR_LIMITS.templateLength + 1);
    expect(grammarError(() => parseTemplate(long)).reason).toContain('at most');
  });
});
