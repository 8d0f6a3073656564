import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from './config/app-config.js';
import { createApp } from './create-app.js';

/**
 * Writes the server's OpenAPI document to the file named by the first argument, as `GET
 * /docs-json` serves it: the console's API client is typed from it at build time, so a route
 * that changes under the console breaks the build rather than a page. The app is built on a
 * throw-away SQLite database, since the document is made from the running app's routes.
 */
async function writeOpenApiDocument(target: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'alert-hub-openapi-'));
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      ADMIN_TOKEN: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'fatal',
    });
    const app = await createApp(config);
    try {
      await app.init();
      const response = await app.getHttpAdapter().getInstance().inject({ url: '/docs-json' });
      if (response.statusCode !== 200) {
        throw new Error(`GET /docs-json answered ${response.statusCode}: ${response.body}`);
      }
      writeFileSync(target, `${JSON.stringify(response.json(), null, 2)}\n`);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const [target] = process.argv.slice(2);
if (target === undefined) {
  console.error('usage: node openapi-document.js <file to write>');
  process.exit(2);
}
writeOpenApiDocument(resolve(target)).catch((error: unknown) => {
  console.error('could not write the OpenAPI document:', error);
  process.exit(1);
});
