import { Controller, Get, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator.js';
import { ApiErrors, ApiNoAuth } from '../openapi/api-docs.decorators.js';
import { HealthCheckResponse } from './health-check.response.js';
import { MigrationsHealthIndicator } from './migrations.health.js';
import { NotReadyError } from './not-ready.error.js';
import { WritableHealthIndicator } from './writable.health.js';

/** How long the database may take to answer `SELECT 1` before the server counts as not ready. */
const DATABASE_PING_TIMEOUT_MS = 2000;

/** Probes for orchestrators and load balancers: no credentials, no work beyond what they check. */
@ApiTags('operations')
@ApiNoAuth()
@Controller()
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly migrations: MigrationsHealthIndicator,
    private readonly writable: WritableHealthIndicator,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Liveness: the process answers HTTP. Never touches the database, so an outage restarts nothing. */
  @Public()
  @Get('healthz')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthCheckResponse, description: 'Alive' })
  liveness(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Readiness: the database answers, takes writes, and its schema is the one this build expects.
   */
  @Public()
  @Get('readyz')
  @ApiOperation({
    summary: 'Readiness: the database answers, takes writes, and its schema is up to date',
  })
  @ApiOkResponse({ type: HealthCheckResponse, description: 'Ready for traffic' })
  @ApiErrors({ 503: 'Unavailable: not ready; `details.failing` names the failing checks' })
  async readiness(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () =>
          this.database.pingCheck('database', {
            connection: this.dataSource,
            timeout: DATABASE_PING_TIMEOUT_MS,
          }),
        () => this.migrations.check('migrations'),
        () => this.writable.check('writable'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const { error: failing } = error.getResponse() as HealthCheckResult;
      // The reasons (driver messages, hosts) are for the operator's log, not for anonymous callers.
      this.logger.warn({ msg: 'not ready', checks: failing });
      throw new NotReadyError(Object.keys(failing ?? {}));
    }
  }
}
