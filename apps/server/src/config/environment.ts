import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;

/** An optional whole number within bounds, given as text; the messages name the variable. */
function WholeNumber(name: string, unit: string, min: number, max: number): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(toInt),
    IsInt({ message: `${name} must be a whole number${unit ? ` of ${unit}` : ''}` }),
    Min(min, { message: `${name} must be at least ${min}` }),
    Max(max, { message: `${name} must be at most ${max}` }),
  );
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The environment variables Alert Hub reads (README: Configuration), as a validation schema. */
export class Environment {
  @WholeNumber('PORT', '', 0, 65535)
  PORT: number = 3000;

  @IsOptional()
  @IsString()
  HOST: string = '0.0.0.0';

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR: string = './data';

  @IsOptional()
  @Matches(/^(sqlite:\/\/.+|postgres(ql)?:\/\/.+)$/, {
    message:
      'DATABASE_URL must be sqlite:///absolute/path.sqlite, sqlite://relative/path.sqlite or postgres://user@host:5432/db',
  })
  DATABASE_URL?: string;

  @WholeNumber('DATABASE_POOL_SIZE', 'connections', 1, 1000)
  DATABASE_POOL_SIZE?: number;

  @WholeNumber('PUSH_QUERY_TIMEOUT_MS', 'milliseconds', 100, 3_600_000)
  PUSH_QUERY_TIMEOUT_MS?: number;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'ADMIN_TOKEN must be at least 16 characters' })
  ADMIN_TOKEN?: string;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s?#]*)?$/, {
    message: 'PUBLIC_URL must be an http(s) URL such as https://alerts.example.com',
  })
  PUBLIC_URL?: string;

  @WholeNumber('MAX_BODY_BYTES', 'bytes', 1024, 1024 * 1024 * 1024)
  MAX_BODY_BYTES: number = 5 * 1024 * 1024;

  @WholeNumber('MAX_EVENT_RAW_BYTES', 'bytes', 1024, 1024 * 1024 * 1024)
  MAX_EVENT_RAW_BYTES: number = 64 * 1024;

  @WholeNumber('REQUEST_TIMEOUT_MS', 'milliseconds', 1_000, 3_600_000)
  REQUEST_TIMEOUT_MS: number = 20_000;

  @WholeNumber('HEADERS_TIMEOUT_MS', 'milliseconds', 1_000, 3_600_000)
  HEADERS_TIMEOUT_MS: number = 10_000;

  @WholeNumber('KEEP_ALIVE_TIMEOUT_MS', 'milliseconds', 1_000, 3_600_000)
  KEEP_ALIVE_TIMEOUT_MS: number = 72_000;

  @WholeNumber('MAX_CONNECTIONS', 'connections', 1, 1_000_000)
  MAX_CONNECTIONS: number = 10_000;

  @WholeNumber('EVENT_RETENTION_DAYS', 'days', 1, 36_500)
  EVENT_RETENTION_DAYS: number = 30;

  @WholeNumber('AUTO_RESOLVE_SWEEP_MS', 'milliseconds', 1_000, 86_400_000)
  AUTO_RESOLVE_SWEEP_MS: number = 60_000;

  @WholeNumber('HEARTBEAT_SWEEP_MS', 'milliseconds', 1_000, 86_400_000)
  HEARTBEAT_SWEEP_MS: number = 30_000;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @WholeNumber('OUTBOUND_CONNECT_TIMEOUT_MS', 'milliseconds', 100, 60_000)
  OUTBOUND_CONNECT_TIMEOUT_MS: number = 5_000;

  @WholeNumber('OUTBOUND_TIMEOUT_MS', 'milliseconds', 100, 120_000)
  OUTBOUND_TIMEOUT_MS: number = 10_000;

  /** Read and checked by `outboundOptions`: its certificates must parse. */
  @IsOptional()
  @IsString()
  OUTBOUND_CA_FILE?: string;

  @IsOptional()
  @IsString()
  OUTBOUND_ALLOWED_HOSTS?: string;

  @IsOptional()
  @IsString()
  OUTBOUND_CONNECT_TO?: string;

  /** CIDR blocks, comma-separated; checked by `outboundOptions`. */
  @IsOptional()
  @IsString()
  OUTBOUND_DENIED_ADDRESSES?: string;

  @IsOptional()
  @IsString()
  OUTBOUND_ALLOWED_ADDRESSES?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'OUTBOUND_ALLOW_HTTP must be true or false' })
  OUTBOUND_ALLOW_HTTP: 'true' | 'false' = 'false';

  /** Checked by `notificationOptions`: an IANA zone Node knows. */
  @IsOptional()
  @IsString()
  NOTIFY_TIMEZONE: string = 'UTC';

  @WholeNumber('NOTIFY_POLL_MS', 'milliseconds', 50, 60_000)
  NOTIFY_POLL_MS: number = 1_000;

  @WholeNumber('NOTIFY_LEASE_MS', 'milliseconds', 1_000, 3_600_000)
  NOTIFY_LEASE_MS: number = 60_000;

  @WholeNumber('NOTIFY_DEAD_AFTER_MS', 'milliseconds', 1_000, 30 * 86_400_000)
  NOTIFY_DEAD_AFTER_MS: number = 86_400_000;

  @WholeNumber('NOTIFY_RATE_WINDOW_MS', 'milliseconds', 100, 3_600_000)
  NOTIFY_RATE_WINDOW_MS: number = 60_000;

  @WholeNumber('NOTIFY_RETRY_BASE_MS', 'milliseconds', 10, 3_600_000)
  NOTIFY_RETRY_BASE_MS: number = 1_000;

  @WholeNumber('NOTIFY_RETRY_MAX_MS', 'milliseconds', 10, 86_400_000)
  NOTIFY_RETRY_MAX_MS: number = 300_000;
}
