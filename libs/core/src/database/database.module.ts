import { Module } from '@nestjs/common';
import { WriteQueue } from './write-queue.js';

/** One write queue per app, shared by every module that writes. */
@Module({ providers: [WriteQueue], exports: [WriteQueue] })
export class DatabaseModule {}
