import { Inject, Injectable } from '@nestjs/common';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { OutboundClient } from '../outbound/outbound-client.js';
import { PostFailed } from '../outbound/post-errors.js';
import { digestMessage } from './digest.js';
import type { OutgoingMessage, OutgoingRequest, Verdict } from './kinds/destination-kind.js';
import { destinationKind } from './kinds/destination-kinds.js';
import {
  templateValues,
  type MessageStyle,
  type NotificationContent,
} from './notification-content.js';
import { NOTIFICATION_DEFAULTS } from './notification-options.js';
import type { NotificationSubscription } from './notification-subscription.entity.js';
import { renderTemplate } from './notification-template.js';
import type { Notification } from './notification.entity.js';

/** A destination's answer is read this far: enough for any vendor's error body. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** How one send went. */
export interface SendResult {
  verdict: Verdict;
  httpStatus: number | null;
  latencyMs: number;
}

export function contentOf(notification: Notification): NotificationContent {
  return {
    id: notification.id,
    sequence: notification.sequence,
    transition: notification.transition,
    occurredAt: notification.occurredAt,
    alert: notification.snapshot,
  };
}

/** Renders messages of a subscription and sends them through the outbound client. */
@Injectable()
export class NotificationSender {
  readonly style: MessageStyle;

  constructor(
    private readonly outbound: OutboundClient,
    @Inject(CORE_OPTIONS) core: CoreOptions,
  ) {
    this.style = {
      timeZone: core.notifications?.timeZone ?? NOTIFICATION_DEFAULTS.timeZone,
      publicUrl: core.publicUrl,
    };
  }

  /** One notification on its own, or several as one digest. */
  message(
    subscription: NotificationSubscription,
    contents: readonly NotificationContent[],
  ): OutgoingMessage {
    const [single] = contents;
    if (contents.length === 1 && single !== undefined) {
      const template = subscription.template ?? destinationKind(subscription.kind).defaultTemplate;
      const values = templateValues(single, this.style);
      return {
        type: 'notification',
        title: renderTemplate(template.title, values),
        text: renderTemplate(template.body, values),
        notifications: [single],
      };
    }
    return { type: 'digest', ...digestMessage(contents, this.style), notifications: [...contents] };
  }

  testMessage(subscription: NotificationSubscription): OutgoingMessage {
    const title = `Alert Hub test notification for "${subscription.name}"`;
    return {
      type: 'test',
      title,
      text: `${title}: this destination receives the alerts of its channel.`,
      notifications: [],
    };
  }

  request(
    subscription: NotificationSubscription,
    message: OutgoingMessage,
    now: Date,
  ): OutgoingRequest {
    return destinationKind(subscription.kind).request(
      message,
      { url: subscription.url, secret: subscription.secret, headers: subscription.headers ?? {} },
      now,
    );
  }

  async send(
    subscription: NotificationSubscription,
    message: OutgoingMessage,
  ): Promise<SendResult> {
    const started = performance.now();
    const request = this.request(subscription, message, new Date());
    try {
      const answer = await this.outbound.post(
        request.url,
        request.headers,
        request.body,
        MAX_ANSWER_BYTES,
      );
      // Node gives `retry-after` as one string: it is not among the headers that repeat.
      const retryAfter: string | undefined = answer.headers['retry-after'];
      return {
        verdict: destinationKind(subscription.kind).verdict({
          status: answer.status,
          retryAfter,
          body: answer.body,
        }),
        httpStatus: answer.status,
        latencyMs: performance.now() - started,
      };
    } catch (error) {
      if (!(error instanceof PostFailed)) throw error;
      return {
        verdict: { outcome: 'failed', reason: error.reason },
        httpStatus: null,
        latencyMs: performance.now() - started,
      };
    }
  }
}
