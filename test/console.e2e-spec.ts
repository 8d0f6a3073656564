import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { describeWithChromium, launchChromium } from './support/console/chromium.js';
import { SCREENSHOTS_DIR, checkPage } from './support/console/page-checks.js';
import { ServerProcess } from './support/server-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { waitFor } from './support/wait-for.js';

/** A test's time on a busy machine: generous, never a measure of speed. */
const STEP_TIMEOUT_MS = 60_000;
/** One browser action's: shorter, so that a failing step says what it waited for. */
const ACTION_TIMEOUT_MS = 15_000;

/** The console's pages a person reaches from its menu. */
const CONSOLE_PAGES = ['/', '/alerts', '/events', '/integrations', '/channels', '/plugins'];

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

  const consoleUrl = (path: string) => `${server.url}/console${path}`;
  const menu = () => page.getByRole('navigation', { name: 'Sections' });
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

  beforeAll(async () => {
    database = await createTestDatabase();
    // Every request is logged (debug), so that the logs can be searched for the token.
    server = await ServerProcess.start({
      database,
      adminToken,
      env: { LOG_LEVEL: 'debug' },
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
      await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'Platform team' });
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
      await page.getByText(/Test push stored: 1 events, 1 stored/).waitFor();

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
      await checkPage(page, '12-alerts-zh');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: '告警' }).waitFor();
      await page.getByLabel('语言', { exact: true }).selectOption('en');
      await heading('Alerts').waitFor();
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
      expect(channels.body.data.map((channel: { name: string }) => channel.name)).toEqual([
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
