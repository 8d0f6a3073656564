import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiProperty } from '@nestjs/swagger';
import type { Page } from '../events/events-query.service.js';
import { RowIdPipe } from '../common/row-id.pipe.js';
import {
  AdminApi,
  ApiData,
  ApiErrors,
  ApiPage,
  BY_ID_ERRORS,
  ERRORS,
} from '../openapi/api-docs.decorators.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryView, RenderedMessageView, TestDeliveryView } from './delivery.view.js';
import { CreateSubscriptionDto } from './dto/create-subscription.dto.js';
import { ListDeliveriesQuery } from './dto/list-deliveries.query.js';
import { PreviewNotificationDto } from './dto/preview-notification.dto.js';
import { UpdateSubscriptionDto } from './dto/update-subscription.dto.js';
import { NotificationTrials } from './notification-trials.js';
import { SubscriptionsService } from './subscriptions.service.js';
import { SubscriptionView, subscriptionView } from './subscription.view.js';

class ReplayView {
  @ApiProperty({
    type: 'integer',
    description: 'Notifications queued again (pending ones are left)',
  })
  requeued!: number;
}

const INVALID_SUBSCRIPTION = `${ERRORS.invalid}; also a URL, secret, headers, filter or template its kind does not take`;

@AdminApi('notifications')
@Controller('api/v1/channels/:channelId/subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly deliveries: DeliveriesService,
    private readonly trials: NotificationTrials,
  ) {}

  @Post()
  @ApiData('The subscription created', SubscriptionView, { status: 201 })
  @ApiErrors({ 400: INVALID_SUBSCRIPTION, 404: ERRORS.notFound })
  async create(
    @Param('channelId', ParseUUIDPipe) channelId: string,
    @Body() dto: CreateSubscriptionDto,
  ): Promise<{ data: SubscriptionView }> {
    return { data: subscriptionView(await this.subscriptions.create(channelId, dto)) };
  }

  @Get()
  @ApiData("The channel's subscriptions, by name", [SubscriptionView])
  @ApiErrors(BY_ID_ERRORS)
  async list(
    @Param('channelId', ParseUUIDPipe) channelId: string,
  ): Promise<{ data: SubscriptionView[] }> {
    return { data: (await this.subscriptions.list(channelId)).map(subscriptionView) };
  }

  @Get(':id')
  @ApiData('The subscription', SubscriptionView)
  @ApiErrors(BY_ID_ERRORS)
  async get(
    @Param('channelId', ParseUUIDPipe) channelId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ data: SubscriptionView }> {
    return { data: subscriptionView(await this.subscriptions.get(channelId, id)) };
  }

  @Patch(':id')
  @ApiData('The subscription as changed, with its new version', SubscriptionView)
  @ApiErrors({
    ...BY_ID_ERRORS,
    400: INVALID_SUBSCRIPTION,
    409: 'VersionConflict: the subscription changed since `version`; read it again and reapply the change',
  })
  async update(
    @Param('channelId', ParseUUIDPipe) channelId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSubscriptionDto,
  ): Promise<{ data: SubscriptionView }> {
    return { data: subscriptionView(await this.subscriptions.update(channelId, id, dto)) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its undelivered notifications and its log' })
  @ApiErrors(BY_ID_ERRORS)
  async delete(
    @Param('channelId', ParseUUIDPipe) channelId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.subscriptions.delete(channelId, id);
  }

  @Get(':id/deliveries')
  @ApiPage(
    'Delivery attempts, newest first: delivered, failed and rate-limited alike',
    DeliveryView,
  )
  @ApiErrors(BY_ID_ERRORS)
  listDeliveries(
    @Param('channelId', ParseUUIDPipe) channelId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListDeliveriesQuery,
  ): Promise<Page<DeliveryView>> {
    return this.deliveries.list(channelId, id, query);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(200)
  @ApiData('Queues again the dead or delivered notifications of an attempt', ReplayView)
  @ApiErrors(BY_ID_ERRORS)
  async replay(
    @Param('channelId', ParseUUIDPipe) channelId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', RowIdPipe) deliveryId: number,
  ): Promise<{ data: ReplayView }> {
    return { data: { requeued: await this.deliveries.replay(channelId, id, deliveryId) } };
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiData(
    'Sends a test message now and says how it went (also in the delivery log)',
    TestDeliveryView,
  )
  @ApiErrors(BY_ID_ERRORS)
  async test(
    @Param('channelId', ParseUUIDPipe) channelId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ data: TestDeliveryView }> {
    return { data: await this.trials.test(await this.subscriptions.get(channelId, id)) };
  }

  @Post(':id/preview')
  @HttpCode(200)
  @ApiData(
    'A stored alert of the channel rendered through the template; nothing is sent',
    RenderedMessageView,
  )
  @ApiErrors({ ...BY_ID_ERRORS, 404: `${ERRORS.notFound}; or no alert of the channel has alertId` })
  async preview(
    @Param('channelId', ParseUUIDPipe) channelId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PreviewNotificationDto,
  ): Promise<{ data: RenderedMessageView }> {
    return { data: await this.trials.preview(await this.subscriptions.get(channelId, id), dto) };
  }
}
