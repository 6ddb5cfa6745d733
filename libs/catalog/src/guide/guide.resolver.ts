import { Args, Query, Resolver } from '@nestjs/graphql';
import { pageOf, Public } from '@tongban/core';
import {
  OneTimeNotificationArgs,
  OneTimeNotificationModel,
  ServiceGuideCenterArgs,
  ServiceGuideCenterModel,
  ServiceGuideEntryModel,
  ServiceGuideEntryPage,
  ServiceGuideItemArgs,
  ServiceGuideItemsArgs,
  ServiceGuideModel,
} from './guide.graphql';
import { type ServiceGuide, GuideService } from './guide.service';

/** The public service guide (办事指南) and one-time notification: no login. */
@Resolver()
export class GuideResolver {
  constructor(private readonly guides: GuideService) {}

  @Public()
  @Query(() => ServiceGuideCenterModel, {
    description: 'A service center by division code; NOT_FOUND unless it is serving',
  })
  async serviceGuideCenter(@Args() args: ServiceGuideCenterArgs): Promise<ServiceGuideCenterModel> {
    const { name, kind, divisionCode } = await this.guides.center(args.divisionCode);
    return { name, kind, divisionCode };
  }

  @Public()
  @Query(() => ServiceGuideEntryPage, {
    description: "A center's service guide items in code order, by name or code and department",
  })
  async serviceGuideItems(@Args() args: ServiceGuideItemsArgs): Promise<ServiceGuideEntryPage> {
    const rows = await this.guides.items(args.divisionCode, { ...args, first: args.first + 1 });
    const page = pageOf(rows, args.first, (row) => row.code);
    return { ...page, nodes: page.nodes.map(guideModel) };
  }

  @Public()
  @Query(() => [String], { description: "The competent departments of a center's guide" })
  serviceGuideDepartments(@Args() args: ServiceGuideCenterArgs): Promise<string[]> {
    return this.guides.departments(args.divisionCode);
  }

  @Public()
  @Query(() => ServiceGuideModel, { description: 'The full service guide of one item' })
  async serviceGuideItem(@Args() args: ServiceGuideItemArgs): Promise<ServiceGuideModel> {
    return guideModel(await this.guides.item(args.divisionCode, args.code));
  }

  @Public()
  @Query(() => OneTimeNotificationModel, {
    description: '一次性告知: the materials of an item the applicant still lacks',
  })
  async oneTimeNotification(
    @Args() args: OneTimeNotificationArgs,
  ): Promise<OneTimeNotificationModel> {
    const told = await this.guides.notification(
      args.divisionCode,
      args.code,
      args.presentMaterials,
    );
    return {
      code: told.code,
      name: told.standard.name,
      missing: told.missing,
      optionalMissing: told.optionalMissing,
      complete: told.complete,
    };
  }
}

/** A list entry flattened as the public reads it (standard elements and local settings). */
function guideModel(guide: ServiceGuide): ServiceGuideModel & ServiceGuideEntryModel {
  const { standard } = guide;
  return {
    code: guide.code,
    name: standard.name,
    type: standard.type,
    competentDepartment: standard.competentDepartment,
    implementingLevel: standard.implementingLevel,
    legalBasis: standard.legalBasis,
    applicantScopes: standard.applicantScopes,
    conditions: standard.conditions,
    materials: guide.materials,
    steps: standard.steps,
    promisedLimit: guide.promisedLimit,
    statutoryLimit: standard.statutoryLimit,
    onTheSpot: guide.promisedLimit.onTheSpot,
    handling: guide.handling,
    onlineAvailable: standard.onlineAvailable,
    fee: standard.fee,
    feeNote: guide.feeNote,
    address: guide.address,
    phone: guide.phone,
    officeHours: guide.officeHours,
    notes: guide.notes,
  };
}
