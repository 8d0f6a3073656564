/**
 * U+0000 and unpaired UTF-16 surrogates: JSON can carry them (`"\u0000"`, `"\ud800"`) and SQLite
 * stores them, but PostgreSQL refuses both in text and in jsonb.
 */
const UNSTORABLE = /[\0\p{Cs}]/u;
const EVERY_UNSTORABLE = new RegExp(UNSTORABLE.source, 'gu');

/**
 * The text with what PostgreSQL cannot store replaced by U+FFFD, as invalid UTF-8 bytes already
 * are when a body is decoded. Applied on both databases, so they store the same text.
 */
export function storableText(text: string): string {
  return UNSTORABLE.test(text) ? text.replace(EVERY_UNSTORABLE, '\ufffd') : text;
}
