import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { PushRecord } from './push-record.js';

/**
 * Announces every finished push. Observers (push log, metrics, logs) subscribe here instead of
 * the ingest path calling each of them; an observer must not throw into the push.
 */
@Injectable()
export class PushMonitor {
  private readonly records = new Subject<PushRecord>();

  readonly pushes: Observable<PushRecord> = this.records.asObservable();

  record(record: PushRecord): void {
    this.records.next(record);
  }
}
