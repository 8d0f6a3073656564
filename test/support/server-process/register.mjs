// `node --import ./register.mjs apps/server/src/main.ts` runs the server from its sources.
import { register } from 'node:module';

register('./typescript-hooks.mjs', import.meta.url);
