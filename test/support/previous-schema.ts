import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts a row into a database migrated only part of the way: only the columns of the
 * properties given are written, and nothing is read back, so columns the entity gained in later
 * migrations are never named.
 */
export async function insertAtSchema<Entity extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<Entity>,
  values: Partial<Entity>,
): Promise<void> {
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(entity, Object.keys(values))
    .values(values)
    .updateEntity(false)
    .execute();
}
