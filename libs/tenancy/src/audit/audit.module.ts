import { Module } from '@nestjs/common';
import { TenantModule } from '../tenant/tenant.module';
import { AuditTrailResolver } from './audit-trail.resolver';
import { AuditTrailService } from './audit-trail.service';

/** Reading a tenant's audit trail (core writes it, in each change's transaction). */
@Module({ imports: [TenantModule], providers: [AuditTrailService, AuditTrailResolver] })
export class AuditModule {}
