/** For `@Transform`: query strings carry numbers as text; anything else is left to the validators. */
export const integerFromText = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
