import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The environment variables Alert Hub reads (README: Configuration), as a validation schema. */
export class Environment {
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0)
  @Max(65535)
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

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be a whole number of connections' })
  @Min(1, { message: 'DATABASE_POOL_SIZE must be at least 1' })
  @Max(1000, { message: 'DATABASE_POOL_SIZE must be at most 1000' })
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PUSH_QUERY_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100, { message: 'PUSH_QUERY_TIMEOUT_MS must be at least 100' })
  @Max(3_600_000, { message: 'PUSH_QUERY_TIMEOUT_MS must be at most 3600000 (an hour)' })
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

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'MAX_BODY_BYTES must be a whole number of bytes' })
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  MAX_BODY_BYTES: number = 5 * 1024 * 1024;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'EVENT_RETENTION_DAYS must be a whole number of days' })
  @Min(1, { message: 'EVENT_RETENTION_DAYS must be at least 1' })
  @Max(36_500, { message: 'EVENT_RETENTION_DAYS must be at most 36500 (100 years)' })
  EVENT_RETENTION_DAYS: number = 30;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';
}
