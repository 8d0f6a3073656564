import { InitialSchema1764140000000 } from './1764140000000-initial-schema.js';

/** In the order they run. ESM builds cannot glob for migrations, so they are listed here. */
export const MIGRATIONS = [InitialSchema1764140000000];
