import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ServiceTier } from '../core/item';

export interface MenuTemplateRecord {
  id: string;
  tenantId: string;
  name: string;
  tier: ServiceTier.TOWNSHIP | ServiceTier.VILLAGE;
  itemCodes: string[];
  updatedAt: Date;
}

const COLUMNS = `m.id, m.tenant_id AS "tenantId", m.name, m.tier, m.item_codes AS "itemCodes",
  m.updated_at AS "updatedAt"`;

/** A county's tier menus: named subsets of its implementation list. */
@Injectable()
export class MenuTemplateRepository {
  list(manager: EntityManager, tenantId: string): Promise<MenuTemplateRecord[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM menu_templates m WHERE m.tenant_id = $1 ORDER BY m.tier, m.name`,
      [tenantId],
    );
  }

  async find(manager: EntityManager, id: string): Promise<MenuTemplateRecord | undefined> {
    const [found] = await manager.query(`SELECT ${COLUMNS} FROM menu_templates m WHERE m.id = $1`, [
      id,
    ]);
    return found;
  }

  /** Creates or replaces a template; null when another of the county's has that name. */
  async save(
    manager: EntityManager,
    template: Omit<MenuTemplateRecord, 'id' | 'updatedAt'> & { id: string | null },
  ): Promise<string | null> {
    const values = [template.tenantId, template.name, template.tier, template.itemCodes];
    if (!template.id) {
      const [created] = await manager.query(
        `INSERT INTO menu_templates (tenant_id, name, tier, item_codes) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, name) DO NOTHING RETURNING id`,
        values,
      );
      return created?.id ?? null;
    }
    // UPDATE answers [rows, count] through TypeORM.
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE menu_templates SET name = $2, tier = $3, item_codes = $4, updated_at = now()
        WHERE tenant_id = $1 AND id = $5
          AND NOT EXISTS (SELECT 1 FROM menu_templates o
                           WHERE o.tenant_id = $1 AND o.name = $2 AND o.id <> $5)
       RETURNING id`,
      [...values, template.id],
    );
    return rows[0]?.id ?? null;
  }

  async delete(manager: EntityManager, template: MenuTemplateRecord): Promise<void> {
    await manager.query(`DELETE FROM menu_templates WHERE tenant_id = $1 AND id = $2`, [
      template.tenantId,
      template.id,
    ]);
  }
}
