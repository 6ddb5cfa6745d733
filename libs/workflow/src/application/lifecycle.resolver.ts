import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import { MaterialModel } from '@tongban/catalog';
import { ApplicationAction } from '../lifecycle/transitions';
import {
  ApplicationConnection,
  ApplicationModel,
  ApplicationsPageInput,
} from './application.graphql';
import { ApplicationService, type ApplicationView } from './application.service';
import {
  ActInput,
  ApplicationEventModel,
  ApplicationExtensionModel,
  ApplicationPauseModel,
  ChainLinkModel,
  DecideExtensionInput,
  ForwardApplicationInput,
  ForwardTargetModel,
  RequestExtensionInput,
  RequestSupplementInput,
  SuspendApplicationInput,
  WorkQueueFilterInput,
} from './lifecycle.graphql';
import { LifecycleService } from './lifecycle.service';

/** The acts of the lifecycle (DESIGN.md §4.3), each a mutation; the work queue; the timeline. */
@Resolver(() => ApplicationModel)
export class LifecycleResolver {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly applications: ApplicationService,
  ) {}

  private act(action: ApplicationAction, input: ActInput, extra: object = {}) {
    return this.lifecycle.act(input.id, action, {
      version: input.version,
      reason: input.reason ?? null,
      ...extra,
    });
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, { description: '受理: the clock starts' })
  acceptApplication(@Args('input') input: ActInput) {
    return this.act(ApplicationAction.ACCEPT, input);
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, { description: '不予受理 (reason required)' })
  rejectApplication(@Args('input') input: ActInput) {
    return this.act(ApplicationAction.REJECT, input);
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, {
    description:
      '补正: the one-time notification of the missing materials; after acceptance the clock pauses',
  })
  requestSupplement(@Args('input') input: RequestSupplementInput) {
    return this.act(ApplicationAction.REQUEST_SUPPLEMENT, input, {
      missingMaterials: input.missingMaterials,
    });
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, { description: 'The missing materials came in' })
  receiveSupplement(@Args('input') input: ActInput) {
    return this.act(ApplicationAction.RECEIVE_SUPPLEMENT, input);
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, { description: '审查 begins' })
  startReview(@Args('input') input: ActInput) {
    return this.act(ApplicationAction.START_REVIEW, input);
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, {
    description: 'Pause the clock for a procedure the statute excludes (reason required)',
  })
  suspendApplication(@Args('input') input: SuspendApplicationInput) {
    return this.act(ApplicationAction.SUSPEND, input, { procedure: input.procedure });
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, { description: 'The procedure ended: the clock runs again' })
  resumeApplication(@Args('input') input: ActInput) {
    return this.act(ApplicationAction.RESUME, input);
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, { description: '准予: decided in favour' })
  approveApplication(@Args('input') input: ActInput) {
    return this.act(ApplicationAction.APPROVE, input);
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, { description: '不予许可 (reason required)' })
  denyApplication(@Args('input') input: ActInput) {
    return this.act(ApplicationAction.DENY, input);
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, { description: '办结: the result delivered' })
  completeApplication(@Args('input') input: ActInput) {
    return this.act(ApplicationAction.COMPLETE, input);
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, { description: '即办件: completed in one act at intake' })
  completeOnTheSpot(@Args('input') input: ActInput) {
    return this.act(ApplicationAction.COMPLETE_ON_THE_SPOT, input);
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, { description: 'The applicant withdraws, before a decision' })
  withdrawApplication(@Args('input') input: ActInput) {
    return this.act(ApplicationAction.WITHDRAW, input);
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, {
    description:
      '代办: forward an item this center may only take in to the center above that handles it',
  })
  forwardApplication(@Args('input') input: ForwardApplicationInput) {
    return this.act(ApplicationAction.FORWARD, input, { toTenantId: input.toTenantId ?? null });
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, {
    description: "代办: the handler's result handed to the applicant (the handover recorded)",
  })
  handBackResult(@Args('input') input: ActInput) {
    return this.act(ApplicationAction.HAND_BACK, input);
  }

  @RequireAbility('update', 'Application')
  @Mutation(() => ApplicationModel, {
    description:
      '延期: ask for more working days (reason required); counts once a manager approves',
  })
  requestExtension(@Args('input') input: RequestExtensionInput) {
    return this.lifecycle.requestExtension(input.id, {
      version: input.version,
      workingDays: input.workingDays,
      reason: input.reason ?? '',
    });
  }

  @RequireAbility('approve', 'Application')
  @Mutation(() => ApplicationModel, { description: "A manager's decision on an extension" })
  decideExtension(@Args('input') input: DecideExtensionInput) {
    return this.lifecycle.decideExtension(input.extensionId, {
      approve: input.approve,
      note: input.note ?? null,
    });
  }

  @RequireAbility('read', 'Application')
  @Query(() => ApplicationConnection, {
    description:
      '待办: open applications of the windows you work (or your center or station), most urgent first',
  })
  async workQueue(
    @Args('filter', { type: () => WorkQueueFilterInput, nullable: true })
    filter?: WorkQueueFilterInput,
    @Args('page', { type: () => ApplicationsPageInput, nullable: true })
    page?: ApplicationsPageInput,
  ): Promise<ApplicationConnection> {
    const { nodes, hasNextPage, endCursor } = await this.applications.workQueue(
      filter ?? {},
      page?.first ?? 50,
      page?.after ?? null,
    );
    return { nodes, pageInfo: { hasNextPage, endCursor: endCursor ?? undefined } };
  }

  @ResolveField(() => [ApplicationEventModel], {
    description: 'Every transition, oldest first',
    complexity: 20,
  })
  timeline(@Parent() application: ApplicationView) {
    return this.lifecycle.timeline(application);
  }

  @ResolveField(() => [MaterialModel], {
    nullable: true,
    description:
      'The materials the center asks for the item (its list entry), for the one-time notification; null when the item is off the list',
    complexity: 10,
  })
  itemMaterials(@Parent() application: ApplicationView) {
    return this.lifecycle.itemMaterials(application);
  }

  @ResolveField(() => ChainLinkModel, {
    nullable: true,
    description: '代办, at the station: the application at the center it was forwarded to',
    complexity: 10,
  })
  forwardedTo(@Parent() application: ApplicationView) {
    return this.lifecycle.chain(application, 'to');
  }

  @ResolveField(() => ChainLinkModel, {
    nullable: true,
    description: '代办, at the handler: the application at the station it came from',
    complexity: 10,
  })
  forwardedFrom(@Parent() application: ApplicationView) {
    return this.lifecycle.chain(application, 'from');
  }

  @ResolveField(() => [ForwardTargetModel], {
    description: '代办: the centers above this one could be forwarded to now, nearest first',
    complexity: 10,
  })
  forwardTargets(@Parent() application: ApplicationView) {
    return this.lifecycle.forwardTargets(application);
  }

  @ResolveField(() => [ApplicationPauseModel], { complexity: 10 })
  pauses(@Parent() application: ApplicationView) {
    return this.lifecycle.pauses(application);
  }

  @ResolveField(() => [ApplicationExtensionModel], { complexity: 10 })
  extensions(@Parent() application: ApplicationView) {
    return this.lifecycle.extensions(application);
  }
}
