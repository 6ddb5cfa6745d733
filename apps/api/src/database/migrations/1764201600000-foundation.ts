import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant tree, service windows and identity (users, memberships, sessions, refresh
 * tokens). Tenant-owned tables carry tenant_id in every primary and unique key (DESIGN.md §2).
 */
export class Foundation1764201600000 implements MigrationInterface {
  name = 'Foundation1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenants (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id     uuid REFERENCES tenants (id),
        kind          text NOT NULL CHECK (kind IN ('PROVINCE','CITY','COUNTY','TOWNSHIP','VILLAGE')),
        division_code text NOT NULL CHECK (
          (kind IN ('PROVINCE','CITY','COUNTY') AND division_code ~ '^[0-9]{6}$') OR
          (kind = 'TOWNSHIP' AND division_code ~ '^[0-9]{9}$') OR
          (kind = 'VILLAGE' AND division_code ~ '^[0-9]{12}$')),
        name          text NOT NULL CHECK (length(btrim(name)) > 0),
        status        text NOT NULL DEFAULT 'ONBOARDING' CHECK (status IN ('ONBOARDING','ACTIVE','SUSPENDED')),
        path          uuid[] NOT NULL CHECK (path[array_length(path, 1)] = id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tenants_division_code_key UNIQUE (division_code),
        CONSTRAINT tenants_root_has_no_parent CHECK ((parent_id IS NULL) = (array_length(path, 1) = 1))
      )`);
    await q.query(`CREATE INDEX tenants_path_idx ON tenants USING gin (path)`);
    await q.query(`CREATE INDEX tenants_parent_idx ON tenants (parent_id)`);

    await q.query(`
      CREATE TABLE service_windows (
        tenant_id  uuid NOT NULL REFERENCES tenants (id),
        id         uuid NOT NULL DEFAULT gen_random_uuid(),
        code       text NOT NULL,
        name       text NOT NULL,
        kind       text NOT NULL CHECK (kind IN ('SERVICE','COMPREHENSIVE','CHARGING','COMPLAINT')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT service_windows_code_key UNIQUE (tenant_id, code)
      )`);

    // Identity is platform-wide: one username, one person, whatever tenant they work in.
    await q.query(`
      CREATE TABLE users (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username       text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        display_name   text NOT NULL,
        password_hash  text NOT NULL,
        home_tenant_id uuid NOT NULL REFERENCES tenants (id),
        status         text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','DISABLED')),
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`);

    await q.query(`
      CREATE TABLE memberships (
        tenant_id  uuid NOT NULL REFERENCES tenants (id),
        user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        roles      text[] NOT NULL CHECK (
          cardinality(roles) > 0 AND roles <@ ARRAY['PLATFORM_ADMIN','CITY_OFFICIAL','COUNTY_ADMIN',
            'CENTER_MANAGER','WINDOW_STAFF','STATION_STAFF','SUPERVISOR']),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, user_id)
      )`);
    await q.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);

    await q.query(`
      CREATE TABLE sessions (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at     timestamptz NOT NULL,
        revoked_at     timestamptz,
        revoked_reason text,
        client_address text,
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await q.query(`CREATE INDEX sessions_expires_idx ON sessions (expires_at)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id         uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at    timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);
    await q.query(`CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'refresh_tokens',
      'sessions',
      'memberships',
      'users',
      'service_windows',
      'tenants',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
