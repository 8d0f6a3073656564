import { Module } from '@nestjs/common';
import {
  IntegrationPluginProvider,
  childPath,
  readArray,
  readObject,
  readOptionalString,
  readString,
  readTime,
  type IntegrationPlugin,
  type ParseContext,
  type ParsedEvent,
  type SeverityMap,
} from '@alert-hub/plugin-sdk';

/**
 * A source that exists only in the tests: it proves that a plugin needs nothing but the SDK and
 * one registration, as docs/writing-a-plugin.md promises. Its payload is a made-up uptime
 * checker's: `{"checks": [{"id", "name", "state": "down" | "up", "severity"?, "checkedAt"?}]}`.
 */
const UPTIME_SEVERITY_MAP: SeverityMap = {
  fields: ['labels.severity'],
  values: { page: 'Critical', ticket: 'Warning', fyi: 'Info' },
  default: 'Critical',
};

function parseUptimeWebhook(body: unknown, context: ParseContext): ParsedEvent[] {
  const checks = readArray(readObject(body, '$').checks, '$.checks');
  return checks.map((value, index) => {
    const path = childPath('$.checks', index);
    const check = readObject(value, path);
    const id = readString(check.id, childPath(path, 'id'));
    const state = readString(check.state, childPath(path, 'state'));
    const severity = readOptionalString(check.severity, childPath(path, 'severity'));
    return {
      status: state === 'up' ? 'resolved' : 'firing',
      alertKey: `check-${id}`,
      title: `${readString(check.name, childPath(path, 'name'))} is ${state}`,
      labels: { check: id, ...(severity === undefined ? {} : { severity }) },
      eventTime: readTime(check.checkedAt, childPath(path, 'checkedAt')) ?? context.receivedAt,
      raw: value,
    };
  });
}

@IntegrationPluginProvider()
export class UptimePlugin implements IntegrationPlugin {
  readonly id = 'uptime-check';
  readonly name = 'Uptime checks (test only)';
  readonly description = 'A made-up uptime checker, for the tests';
  readonly severityMap = UPTIME_SEVERITY_MAP;
  readonly docs = {
    setup: 'Point the checker at {{pushUrl}}.\n\n{{severityTable}}',
    samples: { down: { checks: [{ id: '1', name: 'Homepage', state: 'down' }] } },
  };
  parse = parseUptimeWebhook;
}

@Module({ providers: [UptimePlugin] })
export class UptimePluginModule {}
