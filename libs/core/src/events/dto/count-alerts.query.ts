import { OmitType } from '@nestjs/swagger';
import { ListAlertsQuery } from './list-alerts.query.js';

/** The alert list's filters, without its paging: what `GET /alerts/counts` counts. */
export class CountAlertsQuery extends OmitType(ListAlertsQuery, ['limit', 'cursor'] as const) {}
