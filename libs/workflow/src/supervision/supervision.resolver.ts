import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireAbility } from '@tongban/core';
import {
  CloseWarningInput,
  SetSupervisionSettingsInput,
  SupervisionSettingsModel,
  SweepResultModel,
  WarningBoardCountModel,
  WarningConnection,
  WarningModel,
  WarningsFilterInput,
  WarningsPageInput,
} from './supervision.graphql';
import { SupervisionSettingsService } from './supervision-settings.service';
import { WarningService } from './warning.service';

/** 电子监察: the supervisor's console, its cards and the settings behind them. */
@Resolver(() => WarningModel)
export class SupervisionResolver {
  constructor(
    private readonly board: WarningService,
    private readonly settings: SupervisionSettingsService,
  ) {}

  @RequireAbility('read', 'Warning')
  @Query(() => WarningConnection, {
    description: 'Warnings (黄牌/红牌) you may see, newest first',
  })
  async warnings(
    @Args('filter', { type: () => WarningsFilterInput, nullable: true })
    filter?: WarningsFilterInput,
    @Args('page', { type: () => WarningsPageInput, nullable: true }) page?: WarningsPageInput,
  ): Promise<WarningConnection> {
    const { nodes, hasNextPage, endCursor } = await this.board.list(
      filter ?? {},
      page?.first ?? 50,
      page?.after ?? null,
    );
    return { nodes, pageInfo: { hasNextPage, endCursor: endCursor ?? undefined } };
  }

  @RequireAbility('read', 'Warning')
  @Query(() => [WarningBoardCountModel], {
    description: 'Open cards by center, window and level (a center and those below it)',
  })
  warningBoard(
    @Args('tenantId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true }))
    tenantId?: string | null,
  ) {
    return this.board.board({ tenantId: tenantId ?? null });
  }

  @RequireAbility('update', 'Warning')
  @Mutation(() => WarningModel, { description: 'A supervisor closes a card with a note' })
  closeWarning(@Args('input') input: CloseWarningInput) {
    return this.board.close(input.id, input.note);
  }

  @RequireAbility('update', 'Warning')
  @Mutation(() => SweepResultModel, {
    description: 'Run the deadline sweep over your reach now (it also runs on a schedule)',
  })
  sweepDeadlines() {
    return this.board.sweepNow();
  }

  @RequireAbility('read', 'SupervisionSettings')
  @Query(() => SupervisionSettingsModel, {
    description:
      'The supervision settings of a tenant (yours by default), with where each comes from',
  })
  supervisionSettings(
    @Args('tenantId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true }))
    tenantId?: string | null,
  ) {
    return this.settings.get(tenantId ?? null);
  }

  @RequireAbility('update', 'SupervisionSettings')
  @Mutation(() => SupervisionSettingsModel, {
    description: 'What a province or county sets itself (null: inherited from above)',
  })
  setSupervisionSettings(@Args('input') input: SetSupervisionSettingsInput) {
    const { tenantId, ...own } = input;
    return this.settings.set(tenantId, own);
  }
}
