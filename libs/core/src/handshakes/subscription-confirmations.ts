import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { WriteQueue } from '../storage/index.js';
import { SubscriptionConfirmation } from './subscription-confirmation.entity.js';

/** The handshakes performed, by integration and message id. */
@Injectable()
export class SubscriptionConfirmations {
  private readonly confirmations: Repository<SubscriptionConfirmation>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {
    this.confirmations = dataSource.getRepository(SubscriptionConfirmation);
  }

  find(integrationId: string, messageId: string): Promise<SubscriptionConfirmation | null> {
    return this.confirmations.findOneBy({ integrationId, messageId });
  }

  /** Keeps the first confirmation of a message: another process may have confirmed it too. */
  async remember(confirmation: SubscriptionConfirmation): Promise<void> {
    await this.writes.run(() =>
      this.confirmations
        .createQueryBuilder()
        .insert()
        .into(SubscriptionConfirmation)
        .values(confirmation)
        .orIgnore()
        .execute(),
    );
  }

  /** Drops an integration's confirmations, when the integration is deleted. */
  async forget(integrationId: string): Promise<void> {
    await this.writes.run(() => this.confirmations.delete({ integrationId }));
  }
}
