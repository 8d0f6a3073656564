/**
 * The grammar of the mapping language: paths into a payload and text templates. Deliberately
 * small (README of plugins/webhook, "The mapping language"): no functions, no filters, no
 * recursion, so that reading any path costs at most one step per segment and rendering any
 * template a bounded number of them.
 *
 *   path      = root *step
 *   root      = "$$" / "$"                      ; the whole body / the current item
 *   step      = "." name / "[" index "]" / "[" quoted "]"
 *   name      = (letter / "_") *(letter / digit / "_" / "-")
 *   index     = ["-"] 1*6digit                  ; negative counts from the end
 *   quoted    = a JSON string in double quotes
 *   template  = *(text / "{{" *space slot *space "}}")
 *   slot      = operand *(*space "|" *space operand)   ; the first that gives text
 *   operand   = path / quoted
 */

/** A key of an object, or an index of an array (negative: from the end). */
export type PathStep = string | number;

export interface MappingPath {
  /** `body` for `$$`, `item` for `$`. */
  readonly root: 'body' | 'item';
  readonly steps: readonly PathStep[];
  /** As written in the mapping, for messages. */
  readonly text: string;
}

export type TemplateOperand =
  | { readonly kind: 'path'; readonly path: MappingPath }
  | { readonly kind: 'literal'; readonly text: string };

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'slot'; readonly operands: readonly TemplateOperand[] };

export interface MappingTemplate {
  readonly parts: readonly TemplatePart[];
}

/** Bounds on what a mapping may ask for, so that no mapping can make one push expensive. */
export const GRAMMAR_LIMITS = {
  pathLength: 512,
  pathSteps: 32,
  quotedLength: 256,
  templateLength: 2048,
  slotsPerTemplate: 32,
  operandsPerSlot: 8,
} as const;

const INDEX_DIGITS = 6;

const UNSTORABLE = /[\0\p{Cs}]/u;

/** Why a text is not in the grammar, and where when a place says more (0-based offset). */
export class GrammarError extends Error {
  constructor(
    readonly reason: string,
    readonly at?: number,
  ) {
    super(at === undefined ? reason : `${reason} at character ${at + 1}`);
    this.name = 'GrammarError';
  }
}

function isLetter(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

function isNameChar(char: string): boolean {
  return isLetter(char) || isDigit(char) || char === '_' || char === '-';
}

/** Reads the grammar from one text, left to right, never backtracking. */
class Scanner {
  at = 0;

  constructor(readonly text: string) {}

  get done(): boolean {
    return this.at >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text.charAt(this.at + offset);
  }

  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.at);
  }

  expect(token: string, what: string): void {
    if (!this.startsWith(token)) throw new GrammarError(`expected ${what}`, this.at);
    this.at += token.length;
  }

  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.at += 1;
  }

  /** A JSON string literal, escapes included, read by JSON itself once its end is found. */
  quoted(): string {
    const start = this.at;
    this.expect('"', 'a double quote');
    while (!this.done && this.peek() !== '"') {
      this.at += this.peek() === '\\' ? 2 : 1;
    }
    if (this.done) throw new GrammarError('a quoted text is not closed', start);
    this.at += 1;
    let value: unknown;
    try {
      value = JSON.parse(this.text.slice(start, this.at));
    } catch {
      throw new GrammarError('a quoted text is not a valid JSON string', start);
    }
    if (typeof value !== 'string' || value.length > GRAMMAR_LIMITS.quotedLength) {
      throw new GrammarError(
        `a quoted text holds at most ${GRAMMAR_LIMITS.quotedLength} characters`,
        start,
      );
    }
    // Escapes can write what no database of Alert Hub stores, and what a body never holds (the
    // core replaces it on arrival): U+0000 and half of a surrogate pair.
    if (UNSTORABLE.test(value)) {
      throw new GrammarError(
        'a quoted text may not hold U+0000 or half of a surrogate pair',
        start,
      );
    }
    return value;
  }

  private name(): string {
    const start = this.at;
    if (!isLetter(this.peek()) && this.peek() !== '_') {
      throw new GrammarError('expected a name (letters, digits, _ and -) after "."', start);
    }
    while (isNameChar(this.peek())) this.at += 1;
    return this.text.slice(start, this.at);
  }

  private index(): number {
    const start = this.at;
    if (this.peek() === '-') this.at += 1;
    const digitsFrom = this.at;
    while (isDigit(this.peek())) this.at += 1;
    const digits = this.at - digitsFrom;
    if (digits === 0 || digits > INDEX_DIGITS) {
      throw new GrammarError(`expected an index of 1 to ${INDEX_DIGITS} digits`, start);
    }
    return Number(this.text.slice(start, this.at));
  }

  private step(): PathStep {
    if (this.peek() === '.') {
      this.at += 1;
      return this.name();
    }
    this.expect('[', 'a step: .name, [index] or ["key"]');
    const step = this.peek() === '"' ? this.quoted() : this.index();
    this.expect(']', 'a closing ]');
    return step;
  }

  /** A path; it ends at the first character that cannot continue it. */
  path(): MappingPath {
    const start = this.at;
    this.expect('$', 'a path starting with $ (the item) or $$ (the whole body)');
    const root = this.peek() === '$' ? 'body' : 'item';
    if (root === 'body') this.at += 1;
    const steps: PathStep[] = [];
    while (this.peek() === '.' || this.peek() === '[') {
      if (steps.length === GRAMMAR_LIMITS.pathSteps) {
        throw new GrammarError(`a path has at most ${GRAMMAR_LIMITS.pathSteps} steps`, this.at);
      }
      steps.push(this.step());
    }
    const text = this.text.slice(start, this.at);
    if (text.length > GRAMMAR_LIMITS.pathLength) {
      throw new GrammarError(`a path is at most ${GRAMMAR_LIMITS.pathLength} characters`, start);
    }
    return { root, steps, text };
  }

  private operand(): TemplateOperand {
    if (this.peek() === '"') return { kind: 'literal', text: this.quoted() };
    return { kind: 'path', path: this.path() };
  }

  slot(): TemplatePart {
    const start = this.at;
    this.expect('{{', '{{');
    this.skipSpaces();
    const operands = [this.operand()];
    this.skipSpaces();
    while (this.peek() === '|') {
      this.at += 1;
      this.skipSpaces();
      if (operands.length === GRAMMAR_LIMITS.operandsPerSlot) {
        throw new GrammarError(
          `a {{ }} holds at most ${GRAMMAR_LIMITS.operandsPerSlot} alternatives`,
          start,
        );
      }
      operands.push(this.operand());
      this.skipSpaces();
    }
    this.expect('}}', '}} or | after a path or a quoted text');
    return { kind: 'slot', operands };
  }
}

/** Reads `text` as one whole path; throws a `GrammarError` saying what and where. */
export function parsePath(text: string): MappingPath {
  const scanner = new Scanner(text);
  const path = scanner.path();
  if (!scanner.done) {
    throw new GrammarError(
      'expected the path to end, or a step: .name, [index] or ["key"]',
      scanner.at,
    );
  }
  return path;
}

/** Reads `text` as a template; throws a `GrammarError` saying what and where. */
export function parseTemplate(text: string): MappingTemplate {
  if (text.length > GRAMMAR_LIMITS.templateLength) {
    throw new GrammarError(`a template is at most ${GRAMMAR_LIMITS.templateLength} characters`);
  }
  const scanner = new Scanner(text);
  const parts: TemplatePart[] = [];
  let slots = 0;
  while (!scanner.done) {
    if (scanner.startsWith('{{')) {
      slots += 1;
      if (slots > GRAMMAR_LIMITS.slotsPerTemplate) {
        throw new GrammarError(
          `a template holds at most ${GRAMMAR_LIMITS.slotsPerTemplate} {{ }}`,
          scanner.at,
        );
      }
      parts.push(scanner.slot());
      continue;
    }
    const next = text.indexOf('{{', scanner.at);
    const end = next === -1 ? text.length : next;
    parts.push({ kind: 'text', text: text.slice(scanner.at, end) });
    scanner.at = end;
  }
  return { parts };
}
