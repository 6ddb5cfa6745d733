import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import {
  ApplicationConnection,
  ApplicationModel,
  ApplicationsFilterInput,
  ApplicationsPageInput,
  SubmitApplicationInput,
} from './application.graphql';
import { ApplicationService } from './application.service';

@Resolver(() => ApplicationModel)
export class ApplicationResolver {
  constructor(private readonly service: ApplicationService) {}

  @RequireAbility('create', 'Application')
  @Mutation(() => ApplicationModel, {
    description:
      "收件: take in an application for an item of the center's menu at a window; returns it with its receipt number and the item as it was",
  })
  submitApplication(@Args('input') input: SubmitApplicationInput): Promise<ApplicationModel> {
    return this.service.submit({
      windowId: input.windowId,
      intakeKey: input.intakeKey ?? null,
      itemCode: input.itemCode,
      applicant: {
        name: input.applicant.name,
        idNumber: input.applicant.idNumber ?? null,
        phone: input.applicant.phone ?? null,
      },
    });
  }

  @RequireAbility('read', 'Application')
  @Query(() => ApplicationConnection, {
    description: 'The applications you may see, newest first',
  })
  async applications(
    @Args('filter', { type: () => ApplicationsFilterInput, nullable: true })
    filter?: ApplicationsFilterInput,
    @Args('page', { type: () => ApplicationsPageInput, nullable: true })
    page?: ApplicationsPageInput,
  ): Promise<ApplicationConnection> {
    const { nodes, hasNextPage, endCursor } = await this.service.list(
      filter ?? {},
      page?.first ?? 50,
      page?.after ?? null,
    );
    return { nodes, pageInfo: { hasNextPage, endCursor: endCursor ?? undefined } };
  }

  @RequireAbility('read', 'Application')
  @Query(() => ApplicationModel)
  application(@Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string) {
    return this.service.get(id);
  }
}
