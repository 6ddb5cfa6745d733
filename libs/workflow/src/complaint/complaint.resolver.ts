import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import {
  AddComplaintNoteInput,
  AssignComplaintInput,
  CloseComplaintInput,
  ComplaintConnection,
  ComplaintDetailModel,
  ComplaintsFilterInput,
  ComplaintsPageInput,
  LogComplaintInput,
  ResolveComplaintInput,
} from './complaint.graphql';
import { ComplaintService } from './complaint.service';

/** 投诉 (issue 12): the complaint window's log and its handling. */
@Resolver()
export class ComplaintResolver {
  constructor(private readonly service: ComplaintService) {}

  @RequireAbility('create', 'Complaint')
  @Mutation(() => ComplaintDetailModel, {
    description: 'Log a complaint against one window, staff member or application',
  })
  logComplaint(@Args('input') input: LogComplaintInput): Promise<ComplaintDetailModel> {
    return this.service.log(input);
  }

  @RequireAbility('read', 'Complaint')
  @Query(() => ComplaintConnection, { description: 'The complaints you may see, newest first' })
  async complaints(
    @Args('filter', { type: () => ComplaintsFilterInput, nullable: true })
    filter?: ComplaintsFilterInput,
    @Args('page', { type: () => ComplaintsPageInput, nullable: true })
    page?: ComplaintsPageInput,
  ): Promise<ComplaintConnection> {
    const { nodes, hasNextPage, endCursor } = await this.service.list(
      filter ?? {},
      page?.first ?? 50,
      page?.after ?? null,
    );
    return { nodes, pageInfo: { hasNextPage, endCursor: endCursor ?? undefined } };
  }

  @RequireAbility('read', 'Complaint')
  @Query(() => ComplaintDetailModel)
  complaint(
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<ComplaintDetailModel> {
    return this.service.get(id);
  }

  @RequireAbility('update', 'Complaint')
  @Mutation(() => ComplaintDetailModel, { description: 'Give a complaint to someone to handle' })
  assignComplaint(@Args('input') input: AssignComplaintInput): Promise<ComplaintDetailModel> {
    return this.service.assign(input);
  }

  @RequireAbility('update', 'Complaint')
  @Mutation(() => ComplaintDetailModel, { description: 'Note a handling step' })
  addComplaintNote(@Args('input') input: AddComplaintNoteInput): Promise<ComplaintDetailModel> {
    return this.service.addNote(input);
  }

  @RequireAbility('update', 'Complaint')
  @Mutation(() => ComplaintDetailModel, {
    description: 'Resolve a complaint with its outcome and what was done',
  })
  resolveComplaint(@Args('input') input: ResolveComplaintInput): Promise<ComplaintDetailModel> {
    return this.service.resolve(input);
  }

  @RequireAbility('update', 'Complaint')
  @Mutation(() => ComplaintDetailModel, {
    description: 'Close a complaint without a finding (withdrawn, a duplicate, not ours)',
  })
  closeComplaint(@Args('input') input: CloseComplaintInput): Promise<ComplaintDetailModel> {
    return this.service.close(input);
  }
}
