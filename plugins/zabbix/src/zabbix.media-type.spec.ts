import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { fixtureParseContext, loadFixtureCases } from '@alert-hub/plugin-sdk/testing';
import { parseZabbixWebhook } from './zabbix.parser.js';

const MEDIA_TYPE = readFileSync(
  join(import.meta.dirname, '../docs/alert-hub.media-type.yaml'),
  'utf8',
);
const SCRIPT_INDENT = '        ';

/** The media type's script: the block under `script: |`, as Zabbix stores it. */
function mediaTypeScript(): string {
  const lines = MEDIA_TYPE.split('\n');
  const body = lines.slice(lines.findIndex((line) => line.trim() === 'script: |') + 1);
  const end = body.findIndex((line) => line.trim() !== '' && !line.startsWith(SCRIPT_INDENT));
  return body
    .slice(0, end)
    .map((line) => line.slice(SCRIPT_INDENT.length))
    .join('\n');
}

/** The parameters as imported: name → value, macros not yet expanded. */
function mediaTypeParameters(): Record<string, string> {
  const pairs = MEDIA_TYPE.matchAll(/- name: (\w+)\n\s+value: '([^']*)'/g);
  return Object.fromEntries([...pairs].map(([, name, value]) => [name ?? '', value ?? '']));
}

interface Post {
  url: string;
  headers: string[];
  body: unknown;
}

/** Runs the script as Zabbix does, with `value` the parameters' JSON, against a fake Alert Hub. */
function send(expanded: Record<string, string>, answerStatus = 200): Post {
  const posts: Post[] = [];
  const headers: string[] = [];
  class HttpRequest {
    addHeader(header: string): void {
      headers.push(header);
    }
    setProxy(): void {}
    post(url: string, body: string): string {
      posts.push({ url, headers, body: JSON.parse(body) as unknown });
      return '{"error":"x"}';
    }
    getStatus(): number {
      return answerStatus;
    }
  }
  const value = JSON.stringify({ ...mediaTypeParameters(), ...expanded });
  runInNewContext(`(function () {\n${mediaTypeScript()}\n})()`, {
    value,
    HttpRequest,
    Zabbix: { log: () => undefined },
  });
  const [post] = posts;
  if (post === undefined) throw new Error('the media type posted nothing');
  return post;
}

const PUSH_URL = 'https://alert-hub.example/webhooks/zabbix?integration_key=k';
const fixtures = new Map(
  loadFixtureCases(join(import.meta.dirname, '../fixtures')).map(({ name, body }) => [name, body]),
);

describe('the Alert Hub media type for Zabbix', () => {
  it('lists every parameter the parser reads, each with its macro', () => {
    expect(mediaTypeParameters()).toMatchObject({
      event_id: '{EVENT.ID}',
      event_value: '{EVENT.VALUE}',
      event_update_status: '{EVENT.UPDATE.STATUS}',
      event_nseverity: '{EVENT.NSEVERITY}',
      event_date: '{EVENT.DATE}',
      event_time: '{EVENT.TIME}',
      recovery_date: '{EVENT.RECOVERY.DATE}',
      recovery_time: '{EVENT.RECOVERY.TIME}',
      event_tags: '{EVENT.TAGSJSON}',
    });
  });

  it('posts the parameters as the problem fixture holds them, without the URL and proxy', () => {
    const problem = fixtures.get('constructed-problem-high') as Record<string, string>;
    const post = send({ ...problem, alert_hub_url: PUSH_URL, http_proxy: '' });
    expect(post.url).toBe(PUSH_URL);
    expect(post.headers).toEqual(['Content-Type: application/json']);
    expect(post.body).toEqual(problem);
  });

  it('posts what Alert Hub reads as a problem and then its recovery, under one key', () => {
    const macros = { alert_hub_url: PUSH_URL, event_id: '77', event_value: '1' };
    const problem = send({ ...macros, event_update_status: '0' }).body;
    const recovery = send({ ...macros, event_value: '0', event_update_status: '0' }).body;
    const [fired] = parseZabbixWebhook(problem, fixtureParseContext());
    const [resolved] = parseZabbixWebhook(recovery, fixtureParseContext());
    expect([fired?.status, resolved?.status]).toEqual(['firing', 'resolved']);
    expect(resolved?.alertKey).toBe(fired?.alertKey);
  });

  it('fails, so that Zabbix tries again, when Alert Hub does not answer 2xx', () => {
    expect(() => send({ alert_hub_url: PUSH_URL }, 503)).toThrow('Alert Hub answered 503');
  });

  it('fails before sending when the push URL is still the placeholder', () => {
    expect(() => send({})).toThrow('alert_hub_url must be the push URL');
  });
});
