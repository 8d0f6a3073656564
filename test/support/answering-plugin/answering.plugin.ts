import { Module } from '@nestjs/common';
import {
  IntegrationPluginProvider,
  childPath,
  readObject,
  readString,
  type AcceptedPush,
  type IntegrationPlugin,
  type ParseContext,
  type ParsedEvent,
  type PushAnswer,
  type SeverityMap,
} from '@alert-hub/plugin-sdk';

/**
 * A source that exists only in the tests and, like some Tencent Cloud senders, wants its own
 * success body: `{"retCode": 0, "sessionId": …}`. Its payload:
 * `{"sessionId": "…", "alarm": {"id": "…", "name": "…", "state": "alarm" | "ok"}}`, or without
 * `alarm` a connectivity test, which gives no event and a note (its sample, which the admin's
 * test push sends). With `"accepted": true` it wants the status 202 and the core's body instead.
 */
const ANSWERING_SEVERITY_MAP: SeverityMap = {
  fields: ['labels.severity'],
  values: {},
  default: 'Warning',
};

function parseAnsweringWebhook(body: unknown, context: ParseContext): ParsedEvent[] {
  const message = readObject(body, '$');
  if (message.alarm === undefined) {
    context.note('a connectivity test of the sender: nothing stored');
    return [];
  }
  const alarm = readObject(message.alarm, '$.alarm');
  const id = readString(alarm.id, childPath('$.alarm', 'id'));
  const state = readString(alarm.state, childPath('$.alarm', 'state'));
  return [
    {
      status: state === 'ok' ? 'resolved' : 'firing',
      alertKey: id,
      title: readString(alarm.name, childPath('$.alarm', 'name')),
      labels: { alarm_id: id },
      raw: alarm,
    },
  ];
}

function answerAnsweringPush(push: AcceptedPush): PushAnswer {
  const { sessionId, accepted } = readObject(push.body, '$');
  // A sender that only wants to hear 202 gets the core's body with it.
  if (accepted === true) return { status: 202 };
  return { body: { retCode: 0, sessionId: typeof sessionId === 'string' ? sessionId : null } };
}

@IntegrationPluginProvider()
export class AnsweringPlugin implements IntegrationPlugin {
  readonly id = 'answering-check';
  readonly name = 'A sender wanting its own answer (test only)';
  readonly description = 'A made-up sender that expects {"retCode": 0}, for the tests';
  readonly severityMap = ANSWERING_SEVERITY_MAP;
  readonly docs = {
    setup: 'Point the sender at {{pushUrl}}.\n\n{{severityTable}}',
    samples: {
      test: { sessionId: 's-0' },
      alarm: { sessionId: 's-1', alarm: { id: 'a-1', name: 'Disk', state: 'alarm' } },
    },
  };
  parse = parseAnsweringWebhook;
  answer = answerAnsweringPush;
}

@Module({ providers: [AnsweringPlugin] })
export class AnsweringPluginModule {}
