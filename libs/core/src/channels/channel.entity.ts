import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A team space that receives alerts. */
@Entity({ name: 'channels' })
export class Channel {
  @ApiProperty({ format: 'uuid' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @ApiProperty({ maxLength: 100, example: 'Platform team' })
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @ApiProperty({ maxLength: 1000 })
  @Column({ type: 'varchar', length: 1000, default: '' })
  description!: string;

  @ApiProperty()
  @Column({ name: 'created_at' })
  createdAt!: Date;

  @ApiProperty()
  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
