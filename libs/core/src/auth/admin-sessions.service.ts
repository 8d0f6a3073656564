import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource, LessThanOrEqual, MoreThan, type Repository } from 'typeorm';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { WriteQueue } from '../storage/index.js';
import { AdminSession } from './admin-session.entity.js';

/** How long a sign-in lasts: a working day, after which the console asks for the token again. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface OpenedSession {
  /** The cookie's value: shown to the browser once, stored only as a digest. */
  cookieValue: string;
  expiresAt: Date;
}

/**
 * Console sessions, kept in the database so that every server process sharing it knows them and
 * signing out ends a session everywhere at once. A session's row is found by a digest of the
 * cookie keyed with the admin token: changing the token ends every session made with the old one.
 */
@Injectable()
export class AdminSessionsService {
  private readonly sessions: Repository<AdminSession>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
    private readonly writes: WriteQueue,
  ) {
    this.sessions = dataSource.getRepository(AdminSession);
  }

  async open(now = new Date()): Promise<OpenedSession> {
    // Expired sessions are dropped as new ones open: the table stays as small as its live rows.
    const cookieValue = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await this.writes.run(async () => {
      await this.sessions.delete({ expiresAt: LessThanOrEqual(now) });
      await this.sessions.insert({
        sessionDigest: this.digest(cookieValue),
        createdAt: now,
        expiresAt,
      });
    });
    return { cookieValue, expiresAt };
  }

  /** The session the cookie names, if it has not expired nor been closed. */
  async find(cookieValue: string, now = new Date()): Promise<AdminSession | undefined> {
    const session = await this.sessions.findOneBy({
      sessionDigest: this.digest(cookieValue),
      expiresAt: MoreThan(now),
    });
    return session ?? undefined;
  }

  async close(cookieValue: string): Promise<void> {
    await this.writes.run(() => this.sessions.delete({ sessionDigest: this.digest(cookieValue) }));
  }

  private digest(cookieValue: string): string {
    return createHmac('sha256', this.options.adminToken).update(cookieValue).digest('hex');
  }
}
