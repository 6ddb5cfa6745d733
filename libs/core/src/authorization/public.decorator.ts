import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ACCESS = 'tongban:public';

/**
 * Marks an endpoint that anyone may call without logging in (login, refresh, health, the
 * public service guide). Everything not marked needs a valid access token.
 */
export const Public = () => SetMetadata(PUBLIC_ACCESS, true);
