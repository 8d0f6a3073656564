import { ApiProperty } from '@nestjs/swagger';
import { TRANSITIONS, type Transition } from './alert-transition.js';
import {
  DESTINATION_KIND_IDS,
  destinationKind,
  type DestinationKindId,
} from './kinds/destination-kinds.js';
import type { NotificationSubscription } from './notification-subscription.entity.js';
import type { NotificationTemplate } from './notification-template.js';
import { RouteConditionDto } from '../routing/dto/route-set.dto.js';
import type { RouteCondition } from '../routing/route-set.js';

/** Whether a secret is stored; the secret itself is never answered. */
export class SecretState {
  @ApiProperty()
  set!: boolean;
}

export class TemplateView {
  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;
}

/** A subscription as the API answers it: no secret, no header value, the URL shortened. */
export class SubscriptionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  channelId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: DESTINATION_KIND_IDS, enumName: 'DestinationKind' })
  kind!: DestinationKindId;

  @ApiProperty({
    description: 'Scheme and host; a path or query (which may hold a token) shows as /…',
    example: 'https://oapi.dingtalk.com/…',
  })
  url!: string;

  @ApiProperty({ type: SecretState })
  secret!: SecretState;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/SecretState' },
    description: 'The names of the headers sent, each `{set: true}`',
  })
  headers!: Record<string, SecretState>;

  @ApiProperty({ enum: TRANSITIONS, enumName: 'AlertTransition', isArray: true })
  transitions!: Transition[];

  @ApiProperty({
    type: () => RouteConditionDto,
    isArray: true,
    description: 'Conditions, all of which hold',
  })
  filter!: RouteCondition[];

  @ApiProperty({ type: TemplateView, nullable: true, description: "Null: the kind's default" })
  template!: NotificationTemplate | null;

  @ApiProperty({ type: TemplateView, description: 'What messages are rendered with' })
  effectiveTemplate!: NotificationTemplate;

  @ApiProperty({ type: 'integer' })
  ratePerMinute!: number;

  @ApiProperty({ type: 'integer' })
  concurrency!: number;

  @ApiProperty({ type: 'integer', description: 'Give it back to change the subscription' })
  version!: number;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

/** `https://host/…`: the URLs of IM bots carry their credentials in the path or the query. */
export function shortenedUrl(url: string): string {
  const parsed = new URL(url);
  const bare = parsed.pathname === '/' && parsed.search === '';
  return `${parsed.protocol}//${parsed.host}${bare ? '/' : '/…'}`;
}

export function subscriptionView(subscription: NotificationSubscription): SubscriptionView {
  return {
    id: subscription.id,
    channelId: subscription.channelId,
    name: subscription.name,
    kind: subscription.kind,
    url: shortenedUrl(subscription.url),
    secret: { set: subscription.secret !== null },
    headers: Object.fromEntries(
      Object.keys(subscription.headers ?? {}).map((name) => [name, { set: true }]),
    ),
    transitions: subscription.transitions,
    filter: subscription.filter,
    template: subscription.template,
    effectiveTemplate: subscription.template ?? destinationKind(subscription.kind).defaultTemplate,
    ratePerMinute: subscription.ratePerMinute,
    concurrency: subscription.concurrency,
    version: subscription.version,
    createdAt: subscription.createdAt,
    updatedAt: subscription.updatedAt,
  };
}
