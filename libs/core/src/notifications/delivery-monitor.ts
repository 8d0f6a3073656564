import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { DeliveryOutcome } from './delivery-attempt.entity.js';
import type { DestinationKindId } from './kinds/destination-kinds.js';

/** One attempt, as metrics count it. */
export interface DeliveryRecord {
  kind: DestinationKindId;
  outcome: DeliveryOutcome;
  /** Notifications it carried (a digest many, a test none). */
  notifications: number;
}

/** Announces delivery attempts to whoever counts them (the metrics). */
@Injectable()
export class DeliveryMonitor {
  readonly deliveries = new Subject<DeliveryRecord>();
}
