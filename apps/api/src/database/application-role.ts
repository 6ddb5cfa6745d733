import { DataSource } from 'typeorm';

/** The group role whose privileges the API and worker use (created by the migrations). */
export const APPLICATION_ROLE = 'tongban_app';

export class PrivilegedDatabaseRoleError extends Error {}

/**
 * Refuses to run the API or worker as a role that row-level security would not hold back:
 * a superuser, a BYPASSRLS role, or the owner of the tables (DESIGN.md §2).
 */
export async function assertUnprivilegedRole(dataSource: DataSource): Promise<void> {
  const [role] = await dataSource.query(
    `SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
            pg_has_role(current_user, $1, 'USAGE') AS member,
            EXISTS (SELECT 1 FROM pg_class c
                     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
                       AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owner
       FROM pg_roles r WHERE r.rolname = current_user`,
    [APPLICATION_ROLE],
  );
  const problems = [
    role.superuser && 'is a superuser',
    role.bypassrls && 'can bypass row-level security',
    role.owner && 'owns tables (or inherits from their owner)',
    !role.member && `is not a member of ${APPLICATION_ROLE}`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new PrivilegedDatabaseRoleError(
      `DATABASE_URL connects as "${role.name}", which ${problems.join(', ')}. The API must connect ` +
        `as an unprivileged member of ${APPLICATION_ROLE}: run migrate with MIGRATION_DATABASE_URL ` +
        `(the owner) and DATABASE_URL (the application login, created if missing).`,
    );
  }
}

/**
 * Creates or updates the login role named in DATABASE_URL as an unprivileged member of the
 * application role. Run by `migrate` as the owner.
 */
export async function ensureApplicationLogin(owner: DataSource, appUrl: string): Promise<string> {
  const url = new URL(appUrl);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  if (!user) throw new Error('DATABASE_URL names no user to create');
  const [{ exists }] = await owner.query(
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists`,
    [user],
  );
  const [{ statement }] = await owner.query(
    exists
      ? `SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD %L', $1::text, $2::text) AS statement`
      : `SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD %L', $1::text, $2::text) AS statement`,
    [user, password || null],
  );
  await owner.query(statement);
  const [{ grant }] = await owner.query(
    `SELECT format('GRANT %I TO %I', $1::text, $2::text) AS grant`,
    [APPLICATION_ROLE, user],
  );
  await owner.query(grant);
  const [{ connect }] = await owner.query(
    `SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1::text) AS connect`,
    [user],
  );
  await owner.query(connect);
  return user;
}
