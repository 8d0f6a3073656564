import { describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { PushBatchContributors, rowsOf } from './push-batch-contributor.js';
import { Table } from './table.js';

const NOTES = new Table<{ id?: number; body: string }>('notes', {
  id: { name: 'id', kind: 'id' },
  body: { name: 'body', kind: 'text' },
});
const OTHER = new Table<{ id?: number }>('other', { id: { name: 'id', kind: 'id' } });

describe('PushBatchContributors', () => {
  it('tells only the contributors whose tables got rows, and keeps going past one that throws', () => {
    const contributors = new PushBatchContributors();
    const told: string[] = [];
    contributors.add({
      tables: [NOTES as Table<unknown>],
      contribute: () => [],
      committed: () => {
        told.push('notes, throwing');
        throw new Error('worker gone');
      },
    });
    contributors.add({
      tables: [NOTES as Table<unknown>],
      contribute: () => [],
      committed: () => told.push('notes'),
    });
    contributors.add({
      tables: [OTHER as Table<unknown>],
      contribute: () => [],
      committed: () => told.push('other'),
    });
    const logged: unknown[] = [];
    const error = Logger.prototype.error;
    Logger.prototype.error = (message: unknown) => void logged.push(message);
    try {
      contributors.committed([rowsOf(NOTES, [{ body: 'x' }])]);
    } finally {
      Logger.prototype.error = error;
    }
    expect(told).toEqual(['notes, throwing', 'notes']);
    expect(logged).toEqual([expect.stringContaining('worker gone')]);
  });
});
