import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Video monitoring (视频监控, issue 12): a window's camera link, the address of its stream or page
 * in the video system (outside Tongban), shown to supervisors beside the window's cases.
 * NULL: no camera. The application checks the form (scheme, no credentials).
 */
export class WindowCamera1765929600000 implements MigrationInterface {
  name = 'WindowCamera1765929600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE service_windows
        ADD COLUMN camera_url text CHECK (char_length(camera_url) BETWEEN 1 AND 500)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service_windows DROP COLUMN camera_url`);
  }
}
