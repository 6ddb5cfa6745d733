import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import { InboxModel, MarkInboxMessageReadInput } from './notification.graphql';
import { InboxService } from './inbox.service';

/** Your notifications (what the default adapter delivers instead of SMS or e-mail). */
@Resolver(() => InboxModel)
export class InboxResolver {
  constructor(private readonly service: InboxService) {}

  @RequireAbility('manage', 'Self')
  @Query(() => InboxModel, { description: 'Your notifications, newest first' })
  inbox() {
    return this.service.mine();
  }

  @RequireAbility('manage', 'Self')
  @Mutation(() => InboxModel)
  markInboxMessageRead(@Args('input') input: MarkInboxMessageReadInput) {
    return this.service.markRead(input.id);
  }
}
