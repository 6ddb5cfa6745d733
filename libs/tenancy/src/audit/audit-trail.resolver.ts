import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import { AuditEventConnection, AuditTrailPageInput } from './audit-trail.graphql';
import { AuditTrailService } from './audit-trail.service';

@Resolver()
export class AuditTrailResolver {
  constructor(private readonly trail: AuditTrailService) {}

  @RequireAbility('read', 'AuditEvent')
  @Query(() => AuditEventConnection, { description: "A tenant's audit trail, newest first" })
  async auditTrail(
    @Args('tenantId', { type: () => ID }, new ParseUUIDPipe()) tenantId: string,
    @Args('page', { type: () => AuditTrailPageInput, nullable: true }) page?: AuditTrailPageInput,
  ): Promise<AuditEventConnection> {
    const { nodes, hasNextPage, endCursor } = await this.trail.list(
      tenantId,
      page?.first ?? 50,
      page?.after ?? null,
    );
    return {
      nodes: nodes.map((node) => ({ ...node, details: JSON.stringify(node.details) })),
      pageInfo: { hasNextPage, endCursor: endCursor ?? undefined },
    };
  }
}
