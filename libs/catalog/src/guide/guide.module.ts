import { Module } from '@nestjs/common';
import { ImplementationModule } from '../implementation/implementation.module';
import { GuideResolver } from './guide.resolver';
import { GuideService } from './guide.service';

/** The public service guide and one-time notification, read from implementation lists. */
@Module({
  imports: [ImplementationModule],
  providers: [GuideService, GuideResolver],
})
export class GuideModule {}
