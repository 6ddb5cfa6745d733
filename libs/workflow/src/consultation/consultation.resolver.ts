import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import {
  ConsultationConnection,
  ConsultationCountsModel,
  ConsultationModel,
  ConsultationsFilterInput,
  ConsultationsPageInput,
  ConsultationWindowModel,
  LogConsultationInput,
} from './consultation.graphql';
import { ConsultationService } from './consultation.service';

@Resolver(() => ConsultationModel)
export class ConsultationResolver {
  constructor(private readonly service: ConsultationService) {}

  @RequireAbility('create', 'Consultation')
  @Mutation(() => ConsultationModel, {
    description: '咨询: log a question answered at a window you work, about an item or none',
  })
  logConsultation(@Args('input') input: LogConsultationInput): Promise<ConsultationModel> {
    return this.service.log({
      windowId: input.windowId,
      itemCode: input.itemCode ?? null,
      channel: input.channel,
      note: input.note ?? null,
    });
  }

  @RequireAbility('create', 'Consultation')
  @Query(() => [ConsultationWindowModel], {
    description:
      'The windows of a tenant (your own by default) where you may log consultations now, by code',
  })
  consultationWindows(
    @Args('tenantId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true }))
    tenantId?: string | null,
  ): Promise<ConsultationWindowModel[]> {
    return this.service.windowsFor(tenantId ?? null);
  }

  @RequireAbility('read', 'Consultation')
  @Query(() => ConsultationConnection, {
    description: 'The consultations you may see, newest first',
  })
  async consultations(
    @Args('filter', { type: () => ConsultationsFilterInput, nullable: true })
    filter?: ConsultationsFilterInput,
    @Args('page', { type: () => ConsultationsPageInput, nullable: true })
    page?: ConsultationsPageInput,
  ): Promise<ConsultationConnection> {
    const { nodes, hasNextPage, endCursor } = await this.service.list(
      filter ?? {},
      page?.first ?? 50,
      page?.after ?? null,
    );
    return { nodes, pageInfo: { hasNextPage, endCursor: endCursor ?? undefined } };
  }

  @RequireAbility('read', 'Consultation')
  @Query(() => ConsultationCountsModel, {
    description:
      'Consultations of a tenant and those below it over Beijing calendar days from–to (both included): by channel, and the items asked about most',
  })
  consultationCounts(
    @Args('tenantId', { type: () => ID }, new ParseUUIDPipe()) tenantId: string,
    @Args('from', { description: 'YYYY-MM-DD' }) from: string,
    @Args('to', { description: 'YYYY-MM-DD, included' }) to: string,
  ): Promise<ConsultationCountsModel> {
    return this.service.counts(tenantId, from, to);
  }
}
