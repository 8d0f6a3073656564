import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { describeWithChromium, launchChromium } from './support/console/chromium.js';
import { SCREENSHOTS_DIR, checkPage } from './support/console/page-checks.js';
import { NOTIFY_TEST_ENV } from './support/notification-env.js';
import { NotificationReceiver, webhookSignatureValid } from './support/notification-receiver.js';
import { ServerProcess } from './support/server-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { waitFor } from './support/wait-for.js';

/** A test's time on a busy machine: generous, never a measure of speed. */
const STEP_TIMEOUT_MS = 60_000;
/** One browser action's: shorter, so that a failing step says what it waited for. */
const ACTION_TIMEOUT_MS = 15_000;

/** The console's pages a person reaches from its menu. */
const CONSOLE_PAGES = [
  '/',
  '/overview',
  '/alerts',
  '/events',
  '/integrations',
  '/channels',
  '/silences',
  '/plugins',
];

/** The directives of a Content-Security-Policy header, each with its sources. */
function directivesOf(policy: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name !== '')
      .map(([name, ...sources]) => [name, sources]),
  );
}

function pushTo(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describeWithChromium('the console, in a browser, against the built server', () => {
  const adminToken = randomBytes(24).toString('hex');
  const requestedUrls: string[] = [];
  const cspViolations: string[] = [];
  let database: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pushUrl: string;
  let sharedId: string;

  const consoleUrl = (path: string) => `${server.url}/console${path}`;
  const menu = () => page.getByRole('navigation', { name: 'Sections' });
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

  beforeAll(async () => {
    database = await createTestDatabase();
    // Every request is logged (debug), so that the logs can be searched for the token.
    server = await ServerProcess.start({
      database,
      adminToken,
      // Notifications may go to a local receiver over plain HTTP, as in the notification suites.
      env: { LOG_LEVEL: 'debug', ...NOTIFY_TEST_ENV },
      outputKept: 50_000_000,
    });
    browser = await launchChromium();
    // A zone that is not the server's: the console must show times in the browser's.
    context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.on('request', (request) => requestedUrls.push(request.url()));
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    console.log(`console screenshots: ${SCREENSHOTS_DIR}`);
  }, STEP_TIMEOUT_MS * 2);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it(
    'sends every page to the sign-in page without a session, and the API answers 401',
    async () => {
      for (const path of CONSOLE_PAGES) {
        await page.goto(consoleUrl(path));
        await heading('Sign in to Alert Hub').waitFor();
        const url = new URL(page.url());
        expect([path, url.pathname]).toEqual([path, '/console/sign-in']);
        if (path !== '/') expect(url.searchParams.get('next')).toBe(path);
      }
      const status = await page.evaluate(async () => (await fetch('/api/v1/channels')).status);
      expect(status).toBe(401);
      await page.goto(`${server.url}/`);
      await heading('Sign in to Alert Hub').waitFor();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'signs in with the admin token, and back to the page asked for',
    async () => {
      await page.goto(consoleUrl('/integrations'));
      await heading('Sign in to Alert Hub').waitFor();
      await checkPage(page, '01-sign-in');
      await page.getByLabel('Admin token', { exact: true }).fill('not-the-admin-token-at-all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Unauthorized' }).waitFor();

      await page.getByLabel('Admin token', { exact: true }).fill(adminToken);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await heading('Integrations').waitFor();
      expect(new URL(page.url()).pathname).toBe('/console/integrations');
      await page.getByText('No integration yet').waitFor();
      await checkPage(page, '02-integrations-empty');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'creates a channel',
    async () => {
      await menu().getByRole('link', { name: 'Channels' }).click();
      await heading('Channels').waitFor();
      await page.getByLabel('Name', { exact: true }).fill('Platform team');
      await page.getByLabel('Description', { exact: true }).fill('Databases and the API');
      await page.getByRole('button', { name: 'Create channel' }).click();
      await page.getByRole('cell', { name: 'Platform team', exact: true }).waitFor();
      await checkPage(page, '03-channels');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'creates a Prometheus integration from the catalog and copies its push URL',
    async () => {
      await menu().getByRole('link', { name: 'Sources' }).click();
      await page.getByRole('link', { name: 'Prometheus Alertmanager' }).click();
      await heading('Prometheus Alertmanager').waitFor();
      // The guide is Markdown rendered into elements; the severity map is a table.
      await page.getByRole('heading', { level: 4, name: '1. Add a receiver' }).waitFor();
      await page.getByRole('table', { name: 'Severity map' }).waitFor();
      await checkPage(page, '04-plugin');

      await page.getByRole('link', { name: 'Create an integration' }).click();
      await heading('New integration').waitFor();
      expect(await page.getByLabel('Source', { exact: true }).inputValue()).toBe('prometheus');
      await page.getByLabel('Name', { exact: true }).fill('prod Alertmanager');
      // A channel made on the way, in a dialog: the form keeps what was typed.
      await page.getByRole('button', { name: 'New channel…' }).click();
      const dialog = page.getByRole('dialog', { name: 'New channel' });
      await dialog.getByText('what you filled in on the integration form stays').waitFor();
      await dialog.getByLabel('Name', { exact: true }).fill('Night shift');
      await checkPage(page, '05-new-channel-dialog');
      await dialog.getByRole('button', { name: 'Create channel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('Channel “Night shift” created and chosen.').waitFor();
      const channel = page.getByLabel('Channel', { exact: true });
      await waitFor(
        'the new channel chosen',
        async () => (await channel.locator('option:checked').textContent()) === 'Night shift',
      );
      expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('prod Alertmanager');
      expect(await page.getByLabel('Source', { exact: true }).inputValue()).toBe('prometheus');
      await channel.selectOption({ label: 'Platform team' });
      await checkPage(page, '05-new-integration');
      await page.getByRole('button', { name: 'Create integration' }).click();

      await heading('prod Alertmanager').waitFor();
      await page.getByRole('button', { name: 'Copy push URL' }).click();
      await page.getByText('Copied.').waitFor();
      pushUrl = String(await page.evaluate('navigator.clipboard.readText()'));
      expect(pushUrl.startsWith(`${server.url}/webhooks/prometheus?integration_key=`)).toBe(true);
      expect(await page.getByRole('textbox', { name: 'Push URL' }).inputValue()).toBe(pushUrl);
      // The setup guide has this integration's URL filled in.
      await page.locator('.markdown').getByText(pushUrl).first().waitFor();
      await checkPage(page, '06-integration');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'shows the event and the active alert of a real Alertmanager push, then its resolution',
    async () => {
      const alert = {
        fingerprint: 'console-disk-full',
        labels: { alertname: 'DiskFull', severity: 'critical', instance: 'db-1' },
        annotations: { summary: 'Disk almost full on db-1' },
        startsAt: '2026-11-01T10:00:00Z',
      };
      expect((await pushTo(pushUrl, alertmanagerPush(alert))).status).toBe(200);

      await menu().getByRole('link', { name: 'Events' }).click();
      await heading('Events').waitFor();
      await page.getByRole('link', { name: 'Disk almost full on db-1' }).waitFor();
      await checkPage(page, '07-events');

      await menu().getByRole('link', { name: 'Alerts' }).click();
      await page.getByLabel('Status', { exact: true }).selectOption('active');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/status=active/);
      await page.getByRole('link', { name: 'Disk almost full on db-1' }).waitFor();
      await checkPage(page, '08-alerts');

      await page.getByRole('link', { name: 'Disk almost full on db-1' }).click();
      await heading('Disk almost full on db-1').waitFor();
      await page.getByText('Active', { exact: true }).first().waitFor();
      await page.getByRole('table', { name: 'Labels' }).getByText('db-1').waitFor();
      // 10:00 UTC is 18:00 in Shanghai, the browser's zone.
      const started = page.locator('time[datetime="2026-11-01T10:00:00.000Z"]').first();
      expect(await started.textContent()).toMatch(/6:00:00\sPM GMT\+8/);
      await checkPage(page, '09-alert');

      const resolved = { ...alert, status: 'resolved' as const, endsAt: '2026-11-01T10:05:00Z' };
      expect((await pushTo(pushUrl, alertmanagerPush(resolved))).status).toBe(200);
      await page.reload();
      await page.getByText('Resolved', { exact: true }).first().waitFor();
      expect(await page.locator('.timeline li').count()).toBe(2);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'explains a refused push in the push log',
    async () => {
      expect((await pushTo(pushUrl, { alerts: 'not a list' })).status).toBe(400);
      await menu().getByRole('link', { name: 'Integrations' }).click();
      await page.getByRole('link', { name: 'prod Alertmanager' }).click();
      await page.getByRole('link', { name: 'Push log' }).click();
      await page.getByLabel('Outcome', { exact: true }).selectOption('refused');
      await page.waitForURL(/outcome=refused/);
      const row = page.getByRole('row').filter({ hasText: 'InvalidPayload' });
      await row.waitFor();
      expect(await row.textContent()).toContain('The body is not what this source sends');
      expect(await page.getByRole('row').filter({ hasText: 'Accepted' }).count()).toBe(0);
      await checkPage(page, '10-push-log');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'sends a test push, and rotates the key after saying what breaks',
    async () => {
      await page.getByRole('link', { name: '← prod Alertmanager' }).click();
      await page.getByRole('button', { name: 'Send a test push' }).click();
      await page.getByText(/Test push stored: 1 event, 1 stored, 0 repeats/).waitFor();

      await page.getByRole('button', { name: 'Rotate key' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rotate the integration key?' });
      await dialog.getByText('The current push URL stops working at once').waitFor();
      await checkPage(page, '11-rotate-key');
      await dialog.getByRole('button', { name: 'Rotate the key' }).click();
      await page.getByText('The key was rotated').waitFor();
      const pushUrlField = page.getByRole('textbox', { name: 'Push URL' });
      await waitFor('the new push URL', async () => (await pushUrlField.inputValue()) !== pushUrl);
      const rotated = await pushUrlField.inputValue();
      expect((await pushTo(pushUrl, alertmanagerPush({}))).status).toBe(401);
      expect((await pushTo(rotated, alertmanagerPush({}))).status).toBe(200);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'shows on the overview the pushes of the last hour, the active alerts and the refused push',
    async () => {
      await menu().getByRole('link', { name: 'Overview' }).click();
      await heading('Overview').waitFor();
      const activity = page.getByRole('table', {
        name: 'Latest event and pushes of the last hour',
      });
      const row = activity.getByRole('row').filter({ hasText: 'prod Alertmanager' });
      // Columns: name, source, latest event, accepted, refused, failed.
      const cells = row.getByRole('cell');
      expect(await cells.nth(0).textContent()).toBe('Prometheus Alertmanager');
      expect(Number(await cells.nth(2).textContent())).toBeGreaterThanOrEqual(3);
      expect(await cells.nth(3).textContent()).toBe('1');
      expect(await cells.nth(4).textContent()).toBe('0');

      const byChannel = page.getByRole('table', { name: 'Active alerts by channel' });
      await byChannel.getByRole('row', { name: /Platform team/ }).waitFor();
      const refused = page.getByRole('table', { name: /Pushes refused in the last 24 hours/ });
      await refused.getByRole('row').filter({ hasText: 'InvalidPayload' }).waitFor();
      await checkPage(page, '13-overview');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'builds a routing rule, previews it against a pasted payload and saves it',
    async () => {
      await server.admin.post('/api/v1/channels').send({ name: 'DB team' }).expect(201);
      const created = await server.admin
        .post('/api/v1/integrations')
        .send({ name: 'shared Alertmanager', pluginId: 'prometheus', type: 'shared' })
        .expect(201);
      sharedId = created.body.data.id;
      await page.goto(consoleUrl(`/integrations/${sharedId}`));
      await page.getByRole('link', { name: 'Edit routing rules' }).click();
      await heading('Routing rules of shared Alertmanager').waitFor();

      await page.getByRole('button', { name: 'Add a rule' }).click();
      const rule = page.getByRole('group', { name: /^Rule 1:/ });
      await rule.getByLabel('Name', { exact: true }).fill('database team');
      await rule.getByRole('button', { name: 'Add a condition' }).click();
      await rule.getByLabel('Label name', { exact: true }).fill('team');
      await rule.getByLabel('Operator', { exact: true }).selectOption('in');
      await rule.getByLabel('Values, separated by commas', { exact: true }).fill('db, dba');
      await rule.getByRole('group', { name: 'Send to' }).getByLabel('DB team').check();
      await page
        .getByRole('group', { name: 'Default channels' })
        .getByLabel('Platform team')
        .check();
      // The JSON view shows what Save sends: the list without the blanks typing leaves.
      await page.locator('.json pre').filter({ hasText: '"dba"' }).waitFor();

      await page.getByLabel('Payload', { exact: true }).selectOption({ label: 'A pasted payload' });
      const payload = alertmanagerPush(
        {
          fingerprint: 'preview-db',
          labels: { alertname: 'ReplicaLag', team: 'db' },
          annotations: { summary: 'lag on db-2' },
        },
        {
          fingerprint: 'preview-web',
          labels: { alertname: 'HighLatency', team: 'web' },
          annotations: { summary: 'slow web' },
        },
      );
      const pasted = page.getByLabel('Payload as the source sends it (JSON)', { exact: true });
      await pasted.fill('{"alerts": [');
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'not valid JSON' }).waitFor();
      await pasted.fill(JSON.stringify(payload));
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const result = page.getByRole('table', { name: 'Where each event of the payload would go' });
      const dbRow = result.getByRole('row').filter({ hasText: 'lag on db-2' });
      const webRow = result.getByRole('row').filter({ hasText: 'slow web' });
      expect(await dbRow.textContent()).toContain('1. database teamDB team');
      expect(await webRow.textContent()).toContain('No rule: default channelsPlatform team');
      await checkPage(page, '14-routes');

      await page.getByRole('button', { name: 'Save routes' }).click();
      await page.getByText('Saved: the next push is routed by these rules.').waitFor();
      const saved = await server.admin.get(`/api/v1/integrations/${sharedId}/routes`).expect(200);
      expect(saved.body.data).toMatchObject({
        version: 1,
        rules: [
          {
            name: 'database team',
            conditions: [{ field: 'labels.team', operator: 'in', values: ['db', 'dba'] }],
            continue: false,
          },
        ],
      });
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'explains a stale version (409) and saves the edit again after a reload that keeps it',
    async () => {
      await page.reload();
      await heading('Routing rules of shared Alertmanager').waitFor();
      const first = page.getByRole('group', { name: /^Rule 1:/ });
      await first.getByLabel('Name', { exact: true }).fill('database on call');
      await first.getByLabel('After a match, go on to the next rules').check();
      // A catch-all rule, added last and moved first.
      await page.getByRole('button', { name: 'Add a rule' }).click();
      // Named by its place: its legend changes with its name.
      const added = page.getByRole('group', { name: /^Rule 2:/ });
      await added.getByLabel('Name', { exact: true }).fill('everything');
      await added.getByRole('group', { name: 'Send to' }).getByLabel('Platform team').check();
      await added.getByRole('button', { name: 'Move up' }).click();
      const edited = page.getByRole('group', { name: 'Rule 2: database on call' });
      await edited.waitFor();

      // Someone else saves between this page's load and its save.
      const current = await server.admin.get(`/api/v1/integrations/${sharedId}/routes`);
      await server.admin
        .put(`/api/v1/integrations/${sharedId}/routes`)
        .send({ ...current.body.data, defaultChannelIds: [] })
        .expect(200);

      await page.getByRole('button', { name: 'Save routes' }).click();
      const conflict = page.getByRole('alert').filter({ hasText: '409 VersionConflict' });
      await conflict.waitFor();
      await checkPage(page, '15-routes-conflict');
      await conflict
        .getByRole('button', { name: 'Reload the saved routes, keeping my edit' })
        .click();
      await page.getByText('The routes saved now are shown below').waitFor();
      expect(await edited.getByLabel('After a match, go on to the next rules').isChecked()).toBe(
        true,
      );
      await page.getByRole('group', { name: 'Rule 1: everything' }).waitFor();

      await page.getByRole('button', { name: 'Save routes' }).click();
      await page.getByText('Saved: the next push is routed by these rules.').waitFor();
      const saved = await server.admin.get(`/api/v1/integrations/${sharedId}/routes`).expect(200);
      expect(saved.body.data).toMatchObject({
        version: 3,
        rules: [
          { name: 'everything', conditions: [], continue: false },
          { name: 'database on call', continue: true },
        ],
      });
      expect(saved.body.data.defaultChannelIds).toHaveLength(1);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'previews the routes against a recent stored event, and names the channels of the JSON',
    async () => {
      const shared = await server.admin.get(`/api/v1/integrations/${sharedId}`).expect(200);
      const stored = alertmanagerPush({
        fingerprint: 'stored-lag',
        labels: { alertname: 'ReplicaLag', team: 'db' },
        annotations: { summary: 'stored lag on db-3' },
      });
      expect((await pushTo(shared.body.data.pushUrl, stored)).status).toBe(200);
      await page.reload();
      await heading('Routing rules of shared Alertmanager').waitFor();
      await page.getByText('Unrouted or refused?').waitFor();
      const payload = page.getByLabel('Payload', { exact: true });
      const option = payload.locator('option', { hasText: 'stored lag on db-3' });
      await payload.selectOption((await option.getAttribute('value')) ?? '');
      await page.getByText('routing reads only its labels').waitFor();
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const result = page.getByRole('table', { name: 'Where each event of the payload would go' });
      const row = result.getByRole('row').filter({ hasText: 'stored lag on db-3' });
      expect(await row.textContent()).toContain('1. everythingPlatform team');
      // The JSON keeps ids, as the API takes them; their names are said beside it.
      await page.getByText('Channels named in it by id').waitFor();
      await page
        .locator('ul.plain li')
        .filter({ hasText: /: Platform team$/ })
        .waitFor();
      await checkPage(page, '14-routes-recent-event');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'edits the mapping of a mapped webhook from a ready-made one, tries it, and saves it over a stale version',
    async () => {
      const channels = await server.admin.get('/api/v1/channels').expect(200);
      const platform = channels.body.data.find(
        (channel: { name: string }) => channel.name === 'Platform team',
      );
      const created = await server.admin
        .post('/api/v1/integrations')
        .send({ name: 'Sentry', pluginId: 'webhook', type: 'private', channelId: platform.id })
        .expect(201);
      const id = created.body.data.id;
      await page.goto(consoleUrl(`/integrations/${id}`));
      await heading('Sentry').waitFor();
      await page.getByText('No mapping yet').waitFor();
      await page
        .getByLabel('Start from a ready-made mapping', { exact: true })
        .selectOption('sentry-metric-alert');
      await page.getByRole('button', { name: 'Use it' }).click();
      const json = page.getByLabel('Mapping (JSON)', { exact: true });
      expect(await json.inputValue()).toContain('$.data.metric_alert.id');

      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const result = page.getByRole('table', { name: /^Events the payload gives/ });
      await result.getByRole('row').nth(1).waitFor();
      expect(await result.textContent()).toContain('Critical');

      // Someone else saves a mapping meanwhile.
      const graylog: unknown = JSON.parse(
        readFileSync(
          join(
            import.meta.dirname,
            '../plugins/webhook/docs/mappings/graylog-http-notification.json',
          ),
          'utf8',
        ),
      );
      await server.admin
        .put(`/api/v1/integrations/${id}/mapping`)
        .send({ version: 0, mapping: graylog })
        .expect(200);
      await page.getByRole('button', { name: 'Save mapping' }).click();
      const stale = page.getByRole('alert').filter({ hasText: '409 VersionConflict' });
      await stale.waitFor();
      await stale
        .getByRole('button', { name: 'Reload the saved mapping, keeping my edit' })
        .click();
      await page.getByText('The mapping saved now is shown below').waitFor();
      expect(await json.inputValue()).toContain('$.data.metric_alert.id');
      await page.getByRole('button', { name: 'Save mapping' }).click();
      await page.getByText('Mapping saved: the next push is read with it.').waitFor();
      // No event yet, so the guide is open: folded, the screenshot shows the editor.
      await page.getByRole('heading', { level: 2, name: 'Setup guide' }).click();
      await checkPage(page, '18-mapping');
      const saved = await server.admin.get(`/api/v1/integrations/${id}/mapping`).expect(200);
      expect(saved.body.data).toMatchObject({
        version: 2,
        mapping: { alertKey: '$.data.metric_alert.id' },
      });
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'changes the settings of an integration, saying a secret is set but never showing it',
    async () => {
      const secret = 'grafana-signing-secret-42';
      const created = await server.admin
        .post('/api/v1/integrations')
        .send({
          name: 'Grafana signed',
          pluginId: 'grafana',
          type: 'shared',
          settings: { hmacSecret: secret },
        })
        .expect(201);
      const id = created.body.data.id;
      await page.goto(consoleUrl(`/integrations/${id}`));
      await heading('Grafana signed').waitFor();
      const settings = page.getByRole('region', { name: 'Settings' });
      await settings.getByText('A value is set; it is never shown.').waitFor();
      expect(await settings.getByLabel(/^hmacSecret/).inputValue()).toBe('');
      expect(await page.content()).not.toContain(secret);

      await settings.getByLabel(/^timestampHeader/).fill('X-Grafana-Alerting-Timestamp');
      await settings.getByLabel(/^Auto-resolve after/).fill('7200');
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Settings saved.').waitFor();
      await page.getByRole('heading', { level: 2, name: 'Setup guide' }).click();
      await checkPage(page, '19-settings');
      const saved = await server.admin.get(`/api/v1/integrations/${id}`).expect(200);
      expect(saved.body.data).toMatchObject({
        autoResolveAfterSeconds: 7200,
        settings: { hmacSecret: { set: true }, timestampHeader: 'X-Grafana-Alerting-Timestamp' },
      });
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'deletes a channel and an integration after saying what is lost, and refuses a channel in use',
    async () => {
      const integration = await server.admin.get(`/api/v1/integrations/${sharedId}`).expect(200);
      await page.goto(consoleUrl('/integrations/' + sharedId));
      await heading('shared Alertmanager').waitFor();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const dialog = page.getByRole('dialog', {
        name: 'Delete the integration “shared Alertmanager”?',
      });
      await dialog.getByText('Its push URL stops working at once').waitFor();
      await dialog.getByText('Its events and alerts stay, as history.').waitFor();
      await checkPage(page, '20-delete-integration');
      await dialog.getByRole('button', { name: 'Delete the integration' }).click();
      await heading('Integrations').waitFor();
      expect((await pushTo(integration.body.data.pushUrl, alertmanagerPush({}))).status).toBe(401);

      await menu().getByRole('link', { name: 'Channels' }).click();
      await page.getByRole('button', { name: 'Delete Platform team' }).click();
      await page
        .getByRole('dialog', { name: 'Delete the channel “Platform team”?' })
        .getByRole('button', { name: 'Delete the channel' })
        .click();
      await page.getByRole('alert').filter({ hasText: 'ChannelInUse' }).waitFor();
      await page.getByText('The channel is still in use').waitFor();

      await page.getByRole('button', { name: 'Delete Night shift' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete the channel “Night shift”?' });
      await confirm.getByText('Its alerts and events stay, as history').waitFor();
      await confirm.getByRole('button', { name: 'Delete the channel' }).click();
      await page.getByText('Channel “Night shift” deleted.').waitFor();
      await page
        .getByRole('cell', { name: 'Night shift', exact: true })
        .waitFor({ state: 'detached' });
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'sets a heartbeat, shows its ping URL, and its state after a beat',
    async () => {
      await menu().getByRole('link', { name: 'Integrations' }).click();
      await page.getByRole('link', { name: 'prod Alertmanager' }).click();
      await heading('prod Alertmanager').waitFor();
      await page.getByText('No heartbeat is set').waitFor();
      // Nothing that looks like a running heartbeat before one is saved.
      expect(await page.getByLabel('What counts as a beat', { exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: 'Set up a heartbeat' }).click();
      await page.getByText('Not saved yet: nothing is watched until you save.').waitFor();
      await page.getByLabel('What counts as a beat', { exact: true }).selectOption('ping');
      await page.getByLabel(/^Interval between beats/).fill('600');
      await page.getByLabel(/^Grace/).fill('120');
      await page.getByRole('button', { name: 'Save heartbeat' }).click();
      await page.getByText('Heartbeat saved.').waitFor();
      await page.getByText('Waiting for the first beat').waitFor();
      const pingUrl = await page.getByRole('textbox', { name: 'Ping URL' }).inputValue();
      expect(pingUrl).toContain('/webhooks/prometheus/heartbeat?integration_key=');
      await checkPage(page, '16-heartbeat');

      const beat = await fetch(pingUrl);
      expect(beat.status).toBe(200);
      await page.reload();
      await page.getByText('OK', { exact: true }).waitFor();
      expect(await page.locator('.facts time').count()).toBeGreaterThanOrEqual(2);

      await page.getByRole('button', { name: 'Change the heartbeat' }).click();
      await page.getByLabel('What counts as a beat', { exact: true }).selectOption('events');
      await page.getByText('Unsaved changes').waitFor();
      const conditions = page.getByRole('group', { name: 'Conditions of a beat (all must hold)' });
      await conditions.getByLabel('Label name', { exact: true }).fill('alertname');
      await conditions.getByLabel('Value', { exact: true }).fill('Watchdog');
      await page.getByRole('button', { name: 'Save heartbeat' }).click();
      await page.getByText('Heartbeat saved.').waitFor();
      // A beat is no longer a ping: the ping URL goes; the last beat stays.
      await page.getByRole('textbox', { name: 'Ping URL' }).waitFor({ state: 'detached' });
      const integrations = await server.admin.get('/api/v1/integrations').expect(200);
      const prod = integrations.body.data.find(
        (item: { name: string }) => item.name === 'prod Alertmanager',
      );
      expect(prod.heartbeat).toMatchObject({
        source: 'events',
        intervalSeconds: 600,
        graceSeconds: 120,
        conditions: [{ field: 'labels.alertname', operator: 'equals', value: 'Watchdog' }],
      });
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'builds a pipeline step, previews it on a sample before and after, and saves it',
    async () => {
      await menu().getByRole('link', { name: 'Integrations' }).click();
      await page.getByRole('link', { name: 'prod Alertmanager' }).click();
      const pipeline = page.getByRole('region', { name: 'Processing pipeline' });
      await pipeline.getByText('No step: events are routed as the plugin read them.').waitFor();
      await pipeline.getByRole('button', { name: 'Add a step' }).click();
      const step = pipeline.getByRole('group', { name: 'Step 1: Set labels' });
      await step
        .getByLabel('Labels to set', { exact: true })
        .fill('owner=db\nhost={{ $.labels.instance }}');
      await step.getByRole('button', { name: 'Add a condition' }).click();
      await step.getByLabel('Label name', { exact: true }).fill('severity');
      await step.getByLabel('Value', { exact: true }).fill('critical');
      // A ready-made step appended from the server's templates.
      await pipeline.getByLabel('Ready-made steps', { exact: true }).selectOption('level-names');
      await pipeline.getByRole('button', { name: 'Append them' }).click();
      await pipeline.getByRole('group', { name: /^Step 2: / }).waitFor();

      await pipeline.getByRole('button', { name: 'Preview the pipeline' }).click();
      const event = pipeline.getByRole('table', { name: /^Event 1: / });
      await event.waitFor();
      expect(await event.getByRole('caption').textContent()).toContain('1. Set labels');
      const labels = event.getByRole('row', { name: /^Labels/ });
      expect(await labels.locator('td').nth(0).textContent()).not.toContain('owner=db');
      expect(await labels.locator('td').nth(1).textContent()).toContain('owner=db');
      await checkPage(page, '24-pipeline');

      await pipeline.getByRole('button', { name: 'Save pipeline' }).click();
      await page.getByText('Pipeline saved: the next push runs through it.').waitFor();
      const integrations = await server.admin.get('/api/v1/integrations').expect(200);
      const prod = integrations.body.data.find(
        (item: { name: string }) => item.name === 'prod Alertmanager',
      );
      const saved = await server.admin.get(`/api/v1/integrations/${prod.id}/pipeline`).expect(200);
      expect(saved.body.data.version).toBe(1);
      expect(saved.body.data.steps[0]).toMatchObject({
        kind: 'set_labels',
        labels: { owner: 'db', host: '{{ $.labels.instance }}' },
        conditions: [{ field: 'labels.severity', operator: 'equals', value: 'critical' }],
      });
      expect(saved.body.data.steps.length).toBeGreaterThan(1);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'creates a weekly silence after previewing it, and sees it listed',
    async () => {
      await menu().getByRole('link', { name: 'Silences' }).click();
      await heading('Silences').waitFor();
      await page.getByText('No active silence.').waitFor();
      await page.getByRole('link', { name: 'New silence' }).click();
      await heading('New silence').waitFor();
      await page.getByLabel('Reason', { exact: true }).fill('weekly staging rebuild');
      await page.getByRole('button', { name: 'Add a condition' }).click();
      await page.getByLabel('Label name', { exact: true }).fill('env');
      await page.getByLabel('Value', { exact: true }).fill('staging');
      await page.getByLabel('Which events', { exact: true }).selectOption('integration');
      await page
        .getByLabel('Integration', { exact: true })
        .selectOption({ label: 'prod Alertmanager' });
      await page.getByLabel('Every week, in windows', { exact: true }).check();
      await page.getByLabel(/^Time zone of the windows/).fill('Europe/Berlin');
      const window = page.getByRole('group', { name: 'Window 1' });
      await window.getByLabel('Fri', { exact: true }).check();
      await window.getByLabel('Sat', { exact: true }).uncheck();
      await page.getByRole('button', { name: 'Preview the last 7 days' }).click();
      await page
        .getByText(/0 events of 0 alerts would have been silenced, of \d+ firing events/)
        .waitFor();
      await checkPage(page, '25-silence-new');

      await page.getByRole('button', { name: 'Create silence' }).click();
      await heading('Silences').waitFor();
      const row = page.getByRole('row').filter({ hasText: 'weekly staging rebuild' });
      await row.getByText('Integration prod Alertmanager').waitFor();
      await row.getByText(/Weekly: Fri 22:00–02:00 \(Europe\/Berlin\)/).waitFor();
      // Created just now: not yet unused (nothing matched for 7 days), not ending within a day.
      expect(await row.getByText('Unused for 7 days').count()).toBe(0);
      await checkPage(page, '26-silences');
      const silences = await server.admin.get('/api/v1/silences?state=active').expect(200);
      expect(silences.body.data).toEqual([
        expect.objectContaining({
          reason: 'weekly staging rebuild',
          mode: 'mark',
          createdBy: 'console session',
          conditions: [{ field: 'labels.env', operator: 'equals', value: 'staging' }],
          schedule: expect.objectContaining({
            type: 'weekly',
            timezone: 'Europe/Berlin',
            windows: [{ days: ['fri'], start: '22:00', end: '02:00' }],
          }),
        }),
      ]);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'silences an active alert from its page, and the alert list flags and filters it',
    async () => {
      // An alert of an integration that still exists: a deleted one's alerts cannot be silenced.
      const integrations = await server.admin.get('/api/v1/integrations').expect(200);
      const ids = new Set(integrations.body.data.map((item: { id: string }) => item.id));
      const active = await server.admin.get('/api/v1/alerts?status=active').expect(200);
      const alert = active.body.data.find((item: { integrationId: string }) =>
        ids.has(item.integrationId),
      );
      await page.goto(consoleUrl(`/alerts/${alert.id}`));
      await heading(alert.title).waitFor();
      const section = page.getByRole('region', { name: 'Silence this alert' });
      await section.getByLabel('Reason', { exact: true }).fill('known, ticket OPS-12');
      await section.getByLabel('For (minutes)', { exact: true }).fill('30');
      await section.getByRole('button', { name: 'Silence this alert' }).click();
      await section.getByText('Silenced.').waitFor();
      await page.getByRole('link', { name: 'Silenced', exact: true }).waitFor();

      await page.goto(consoleUrl('/alerts?silenced=true'));
      await heading('Alerts').waitFor();
      expect(await page.getByLabel('Silenced', { exact: true }).inputValue()).toBe('true');
      const row = page.getByRole('row').filter({ hasText: alert.title });
      await row.getByText('Silenced', { exact: true }).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(1);
      const silenced = await server.admin.get(`/api/v1/alerts/${alert.id}`).expect(200);
      expect(silenced.body.data.silencedBy).toEqual(expect.any(String));
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'subscribes a webhook of a local receiver to a channel, sends a test, and sees it in the delivery log',
    async () => {
      const receiver = await NotificationReceiver.start();
      try {
        await menu().getByRole('link', { name: 'Channels' }).click();
        await page.getByRole('link', { name: 'Platform team' }).click();
        await heading('Platform team').waitFor();
        await page.getByText('No subscription: nobody is told of this channel’s alerts.').waitFor();
        await page.getByLabel('Name', { exact: true }).fill('on-call receiver');
        await page.getByLabel('URL', { exact: true }).fill(receiver.url());
        await page.getByLabel(/^Secret/).fill('receiver-signing-secret');
        await checkPage(page, '27-channel');
        await page.getByRole('button', { name: 'Create subscription' }).click();

        await heading('on-call receiver').waitFor();
        await page.getByText('A secret is set; it is never shown.').waitFor();
        await page.getByRole('button', { name: 'Send a test message' }).click();
        await page.getByText(/^Test message delivered: HTTP 200/).waitFor();
        const log = page.getByRole('region', { name: 'Delivery log' });
        const row = log.getByRole('row').filter({ hasText: 'Test' });
        await row.getByText('delivered').waitFor();
        expect(receiver.requests).toHaveLength(1);
        expect(webhookSignatureValid(receiver.requests[0], 'receiver-signing-secret')).toBe(true);
        expect(receiver.requests[0].headers['x-alert-hub-delivery']).toBe('test');
        expect(await page.content()).not.toContain('receiver-signing-secret');
        await checkPage(page, '28-subscription');
      } finally {
        await receiver.close();
      }
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'switches to Simplified Chinese',
    async () => {
      await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
      await page
        .getByRole('navigation', { name: '栏目' })
        .getByRole('link', { name: '告警', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: '告警' }).waitFor();
      expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
      await page.getByRole('link', { name: 'Disk almost full on db-1' }).first().waitFor();
      await checkPage(page, '17-alerts-zh');

      // The integration page: its own words translated; the plugin's guide said to be as written.
      const zhHeading = (name: string | RegExp) =>
        page.getByRole('heading', { level: 1, name }).waitFor();
      await page
        .getByRole('navigation', { name: '栏目' })
        .getByRole('link', { name: '集成' })
        .click();
      await page.getByRole('link', { name: 'prod Alertmanager' }).click();
      await zhHeading('prod Alertmanager');
      await page.getByRole('heading', { level: 2, name: '推送地址' }).waitFor();
      await page.getByRole('button', { name: '修改心跳' }).waitFor();
      await checkPage(page, '21-integration-zh');
      // The guide folds away once events arrive; opened, it says it is the plugin's own text.
      await page.getByRole('heading', { level: 2, name: '接入指南' }).click();
      await page.getByText('按原文（英文）显示').waitFor();

      await page.getByRole('link', { name: '推送日志' }).click();
      await zhHeading('prod Alertmanager 的推送日志');
      await page.getByLabel('结果', { exact: true }).selectOption('refused');
      const refusedRow = page.getByRole('row').filter({ hasText: 'InvalidPayload' });
      await refusedRow.getByText('已拒绝').waitFor();
      await checkPage(page, '22-push-log-zh');

      const grafana = (await server.admin.get('/api/v1/integrations')).body.data.find(
        (item: { name: string }) => item.name === 'Grafana signed',
      );
      await page.goto(consoleUrl(`/integrations/${grafana.id}/routes`));
      await zhHeading('Grafana signed 的路由规则');
      await page.getByText('未分派还是被拒绝？').waitFor();
      await page.getByRole('button', { name: '添加规则' }).click();
      const rule = page.getByRole('group', { name: /^规则 1：/ });
      await rule.getByRole('button', { name: '添加条件' }).click();
      await rule.getByLabel('字段', { exact: true }).selectOption('severity');
      // Severity words in the editor are the language's; the value sent stays the API's.
      await rule.getByLabel('值', { exact: true }).selectOption({ label: '严重' });
      await page.locator('.json pre').filter({ hasText: '"Critical"' }).waitFor();
      await checkPage(page, '23-routes-zh');

      // An error of the API, in the console's words, the server's own text beside it.
      await page
        .getByRole('navigation', { name: '栏目' })
        .getByRole('link', { name: '协作空间' })
        .click();
      await page.getByLabel('名称', { exact: true }).fill('DB team');
      await page.getByRole('button', { name: '创建协作空间' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'ChannelNameTaken' });
      await refusal.getByText('已有同名的协作空间').waitFor();
      await refusal.getByText(/服务器原文：a channel named "DB team" already exists/).waitFor();
      // The language is kept across a reload, and switched back.
      await page.reload();
      await zhHeading('协作空间');
      await page.getByLabel('语言', { exact: true }).selectOption('en');
      await heading('Channels').waitFor();
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'keeps the token out of storage, URLs, cookies and the server logs',
    async () => {
      // Evaluated in the page: strings, since this project's types know no DOM.
      const storage = String(
        await page.evaluate(
          'JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })',
        ),
      );
      expect(storage).not.toContain(adminToken);
      expect(requestedUrls.length).toBeGreaterThan(20);
      expect(requestedUrls.filter((url) => url.includes(adminToken))).toEqual([]);
      const cookies = await context.cookies();
      expect(cookies.filter((cookie) => cookie.value.includes(adminToken))).toEqual([]);
      expect(server.process.output()).toContain('request completed');
      expect(server.process.output()).not.toContain(adminToken);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'holds the session in an HttpOnly, SameSite=Strict cookie with an expiry',
    async () => {
      const cookies = await context.cookies(server.url);
      const session = cookies.find((cookie) => cookie.name === 'alert_hub_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      // Served over plain HTTP here: a Secure cookie would never come back.
      expect(session?.secure).toBe(false);
      const hoursLeft = ((session?.expires ?? 0) - Date.now() / 1000) / 3600;
      expect(hoursLeft).toBeGreaterThan(11);
      expect(hoursLeft).toBeLessThanOrEqual(12);
      expect(await page.evaluate('document.cookie')).not.toContain('alert_hub_session');
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'runs under a CSP without inline scripts or styles, and breaks none of it',
    async () => {
      const response = await page.goto(consoleUrl('/plugins'));
      await heading('Sources').waitFor();
      const directives = directivesOf(response?.headers()['content-security-policy']);
      expect(directives).toMatchObject({
        'default-src': ["'none'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
      });
      expect(response?.headers()['cache-control']).toBe('no-cache');
      expect(cspViolations).toEqual([]);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'refuses a cookie-authenticated change without the console header, or from another site',
    async () => {
      const sameOrigin = await page.evaluate(async () => {
        const response = await fetch('/api/v1/channels', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'forged from the page' }),
        });
        return { status: response.status, body: await response.json() };
      });
      expect(sameOrigin).toMatchObject({
        status: 403,
        body: { error: { code: 'CrossSiteRequest' } },
      });

      // Another site (localhost is not 127.0.0.1 to a browser) posting with the user's cookies.
      const other = await context.newPage();
      await other.goto(server.url.replace('127.0.0.1', 'localhost') + '/console/sign-in');
      await other.evaluate(async (target) => {
        await fetch(`${target}/api/v1/channels`, {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          headers: { 'content-type': 'text/plain', 'x-alert-hub-console': '1' },
          body: JSON.stringify({ name: 'forged from another site' }),
        }).catch(() => undefined);
      }, server.url);
      await other.close();
      const channels = await server.admin.get('/api/v1/channels');
      expect(channels.body.data.map((channel: { name: string }) => channel.name).sort()).toEqual([
        'DB team',
        'Platform team',
      ]);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    'signs out: the session ends on the server, not only in the browser',
    async () => {
      const [session] = (await context.cookies(server.url)).filter(
        (cookie) => cookie.name === 'alert_hub_session',
      );
      await page.getByRole('button', { name: 'Sign out' }).click();
      await heading('Sign in to Alert Hub').waitFor();
      expect(await context.cookies(server.url)).toEqual([]);
      const replayed = await fetch(`${server.url}/api/v1/session`, {
        headers: { cookie: `alert_hub_session=${session?.value}` },
      });
      expect(replayed.status).toBe(401);
    },
    STEP_TIMEOUT_MS,
  );
});
