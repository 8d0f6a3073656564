import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed-in console: the admin token exchanged for a session cookie. Only a keyed hash of the
 * cookie's value is stored (`sessionDigest`), so the table gives nobody a usable cookie.
 */
@Entity({ name: 'admin_sessions' })
export class AdminSession {
  /** HMAC-SHA256 of the cookie's value keyed with the admin token, hex. */
  @PrimaryColumn({ name: 'session_digest', type: 'varchar', length: 64 })
  sessionDigest!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'expires_at' })
  expiresAt!: Date;
}
