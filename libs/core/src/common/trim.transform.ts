/** For `@Transform`: names are compared and shown trimmed, so store them that way. */
export const trimString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
