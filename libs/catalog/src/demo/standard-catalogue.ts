import type { CatalogItem } from '../core/item';
import {
  HOUSING_AND_CONSTRUCTION_ITEMS,
  NATURAL_RESOURCES_ITEMS,
} from './standard-catalogue/land-and-construction';
import {
  DEVELOPMENT_AND_REFORM_ITEMS,
  ECOLOGY_AND_ENVIRONMENT_ITEMS,
  EMERGENCY_MANAGEMENT_ITEMS,
  MARKET_REGULATION_ITEMS,
  METEOROLOGY_ITEMS,
  TOBACCO_ITEMS,
} from './standard-catalogue/market-and-enterprise';
import {
  CIVIL_AFFAIRS_ITEMS,
  DISABLED_PERSONS_ITEMS,
  ETHNIC_AND_RELIGIOUS_AFFAIRS_ITEMS,
  JUSTICE_ITEMS,
  VETERANS_AFFAIRS_ITEMS,
} from './standard-catalogue/social-affairs';
import {
  HUMAN_RESOURCES_ITEMS,
  MEDICAL_SECURITY_ITEMS,
  TAXATION_ITEMS,
} from './standard-catalogue/social-security';
import {
  EDUCATION_ITEMS,
  HEALTH_ITEMS,
  PUBLIC_SECURITY_ITEMS,
} from './standard-catalogue/health-police-education';
import {
  AGRICULTURE_ITEMS,
  CULTURE_AND_TOURISM_ITEMS,
  FORESTRY_ITEMS,
  TRANSPORT_ITEMS,
  WATER_RESOURCES_ITEMS,
} from './standard-catalogue/rural-and-infrastructure';

/**
 * A county-level standard catalogue (基本目录) for the demo region (广西, 柳州市柳城县): the
 * 政务服务事项 a county service centre and its township centres and village stations handle
 * or take in, by the county departments that own them. The county centre's annual summary
 * lists 197 items at its windows (domain/county-center-annual-summary.txt); this catalogue
 * has a few more, as a regional standard covers every county.
 *
 * Names, types and legal bases follow national and Guangxi practice (laws cited by article
 * only where the article was checked against the text). Codes are plausible, not official:
 * 12 characters (a department part, a sequence and 000), 14 for a 业务办理项 (the main
 * item's code and two digits), and a few Guangxi-only items with local codes (…W01).
 * Competent departments are written generically (县…局), as a regional standard does.
 */
export const DEMO_STANDARD_CATALOGUE: CatalogItem[] = [
  ...NATURAL_RESOURCES_ITEMS,
  ...HOUSING_AND_CONSTRUCTION_ITEMS,
  ...MARKET_REGULATION_ITEMS,
  ...CIVIL_AFFAIRS_ITEMS,
  ...HUMAN_RESOURCES_ITEMS,
  ...HEALTH_ITEMS,
  ...PUBLIC_SECURITY_ITEMS,
  ...AGRICULTURE_ITEMS,
  ...EDUCATION_ITEMS,
  ...TRANSPORT_ITEMS,
  ...MEDICAL_SECURITY_ITEMS,
  ...TAXATION_ITEMS,
  ...DISABLED_PERSONS_ITEMS,
  ...VETERANS_AFFAIRS_ITEMS,
  ...FORESTRY_ITEMS,
  ...WATER_RESOURCES_ITEMS,
  ...CULTURE_AND_TOURISM_ITEMS,
  ...ETHNIC_AND_RELIGIOUS_AFFAIRS_ITEMS,
  ...ECOLOGY_AND_ENVIRONMENT_ITEMS,
  ...DEVELOPMENT_AND_REFORM_ITEMS,
  ...JUSTICE_ITEMS,
  ...EMERGENCY_MANAGEMENT_ITEMS,
  ...TOBACCO_ITEMS,
  ...METEOROLOGY_ITEMS,
];
