import { Module } from '@nestjs/common';
import { ImplementationModule } from '../implementation/implementation.module';
import { StandardCatalogueModule } from '../standard/standard-catalogue.module';
import { RolloutPlanner } from './rollout-planner';
import { RolloutRepository } from './rollout.repository';
import { RolloutResolver } from './rollout.resolver';
import { RolloutService } from './rollout.service';
import { RolloutStepJob } from './rollout-step.job';

/** Catalogue clean-up rounds: a published version rolled out over a subtree (DESIGN.md §4.1). */
@Module({
  imports: [StandardCatalogueModule, ImplementationModule],
  providers: [RolloutRepository, RolloutPlanner, RolloutService, RolloutStepJob, RolloutResolver],
})
export class RolloutModule {}
