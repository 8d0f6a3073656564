/** A link's name: a camelCase word, as `EventLinks` asks. The core drops links named otherwise. */
export const LINK_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
