import { EntityManager } from 'typeorm';
import { issueSetupToken, SETUP_LINK_TTL_HOURS } from '../identity/setup-link';
import { Role } from '../identity/role';
import { recordAudit } from '../audit/audit-trail';
import { ConflictError } from '../errors';

export interface SetupLinkIssued {
  token: string;
  /** Where the admin app completes it; the token sits in the fragment, out of server logs. */
  path: string;
  expiresAt: Date;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export async function usernameProblems(
  manager: EntityManager,
  username: string,
): Promise<string[]> {
  if (!USERNAME.test(username)) {
    return ['A username has 3–64 lower-case letters, digits, dots, dashes or underscores'];
  }
  const [existing] = await manager.query(`SELECT 1 FROM users WHERE lower(username) = lower($1)`, [
    username,
  ]);
  return existing ? [`The username ${username} is taken`] : [];
}

/**
 * Creates an invited person (no password yet) with a membership in the tenant and a one-time
 * setup link, in the caller's scoped transaction.
 */
export async function createInvitedStaff(
  manager: EntityManager,
  invitation: {
    tenantId: string;
    username: string;
    displayName: string;
    roles: Role[];
    invitedBy: string;
  },
): Promise<SetupLinkIssued & { userId: string }> {
  const [user] = await manager.query(
    `INSERT INTO users (username, display_name, home_tenant_id, status)
     VALUES ($1, $2, $3, 'INVITED') ON CONFLICT ((lower(username))) DO NOTHING RETURNING id`,
    [invitation.username, invitation.displayName.trim(), invitation.tenantId],
  );
  if (!user) throw new ConflictError(`The username ${invitation.username} is taken`);
  await manager.query(`INSERT INTO memberships (tenant_id, user_id, roles) VALUES ($1, $2, $3)`, [
    invitation.tenantId,
    user.id,
    invitation.roles,
  ]);
  const link = await issueSetupLink(manager, invitation.tenantId, user.id, invitation.invitedBy);
  await recordAudit(manager, {
    tenantId: invitation.tenantId,
    actorId: invitation.invitedBy,
    action: 'STAFF_INVITED',
    subjectId: user.id,
    details: { username: invitation.username, roles: invitation.roles },
  });
  return { ...link, userId: user.id };
}

export async function issueSetupLink(
  manager: EntityManager,
  tenantId: string,
  userId: string,
  createdBy: string,
): Promise<SetupLinkIssued> {
  const issued = issueSetupToken(tenantId);
  const [row] = await manager.query(
    `INSERT INTO setup_links (tenant_id, id, user_id, token_hash, expires_at, created_by)
     VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5), $6) RETURNING expires_at`,
    [tenantId, issued.id, userId, issued.hash, SETUP_LINK_TTL_HOURS, createdBy],
  );
  return { token: issued.token, path: `/setup#${issued.token}`, expiresAt: row.expires_at };
}
