import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { issueSetupToken, SETUP_LINK_TTL_HOURS } from './setup-link';

export interface SetupLinkIssued {
  token: string;
  /** Where the admin app completes it; the token sits in the fragment, out of server logs. */
  path: string;
  expiresAt: Date;
}

/** SETUP: an invited person's first password; RESET: a new one for an active account. */
export type SetupLinkPurpose = 'SETUP' | 'RESET';

export interface SetupLinkRow {
  user_id: string;
  token_hash: Buffer;
  used_at: Date | null;
  expired: boolean;
  purpose: SetupLinkPurpose;
  /** The account's status. */
  status: string;
}

/** One-time setup links (tenant-owned rows, under row-level security). */
@Injectable()
export class SetupLinkRepository {
  async issue(
    manager: EntityManager,
    link: { tenantId: string; userId: string; createdBy: string; purpose?: SetupLinkPurpose },
  ): Promise<SetupLinkIssued> {
    const issued = issueSetupToken(link.tenantId);
    const [row] = await manager.query(
      `INSERT INTO setup_links (tenant_id, id, user_id, token_hash, expires_at, created_by, purpose)
       VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5), $6, $7) RETURNING expires_at`,
      [
        link.tenantId,
        issued.id,
        link.userId,
        issued.hash,
        SETUP_LINK_TTL_HOURS,
        link.createdBy,
        link.purpose ?? 'SETUP',
      ],
    );
    return { token: issued.token, path: `/setup#${issued.token}`, expiresAt: row.expires_at };
  }

  /** The link with its account's status, locked until the transaction ends. */
  async lock(
    manager: EntityManager,
    tenantId: string,
    linkId: string,
  ): Promise<SetupLinkRow | undefined> {
    const [link] = await manager.query(
      `SELECT l.user_id, l.token_hash, l.used_at, l.expires_at < now() AS expired, l.purpose,
              u.status
         FROM setup_links l JOIN users u ON u.id = l.user_id
        WHERE l.tenant_id = $1 AND l.id = $2 FOR UPDATE OF l`,
      [tenantId, linkId],
    );
    return link;
  }

  /** Ends every unused link of a person now (a new one replaces them). */
  async expireUnused(manager: EntityManager, tenantId: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE setup_links SET expires_at = now()
        WHERE tenant_id = $1 AND user_id = $2 AND used_at IS NULL AND expires_at > now()`,
      [tenantId, userId],
    );
  }

  async markUsed(manager: EntityManager, tenantId: string, linkId: string): Promise<void> {
    await manager.query(`UPDATE setup_links SET used_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      linkId,
    ]);
  }
}
