import { CalendarLayerKind, type CalendarLayer, type YearSchedule } from './holiday-schedule';

/** Years entered in the app, by the layer they add to. */
export interface EnteredLayers {
  national: readonly YearSchedule[];
  /** Regional years entered by a province (its division code and name). */
  regional: readonly { divisionCode: string; name: string; years: readonly YearSchedule[] }[];
  /** Each ancestor's local days, root first, the tenant's own last. */
  local: readonly { name: string; years: readonly YearSchedule[] }[];
}

/**
 * A tenant's layers (DESIGN.md §4.2): the national schedule shipped and entered; the
 * schedule of its region, shipped (by division prefix) and entered by the province above it;
 * then the local days of each ancestor and its own. A year entered for a layer the code ships
 * joins that layer (the code's years win: an entered year never replaces a shipped one).
 */
export function tenantCalendarLayers(
  divisionCode: string,
  shipped: { national: CalendarLayer; regional: readonly CalendarLayer[] },
  entered: EnteredLayers,
): CalendarLayer[] {
  const join = (layer: CalendarLayer, years: readonly YearSchedule[]): CalendarLayer => {
    const known = new Set(layer.years.map((y) => y.year));
    return { ...layer, years: [...layer.years, ...years.filter((y) => !known.has(y.year))] };
  };
  const layers = [join(shipped.national, entered.national)];
  const regions = shipped.regional.filter(
    (layer) => layer.divisionPrefix && divisionCode.startsWith(layer.divisionPrefix),
  );
  for (const region of entered.regional) {
    if (!divisionCode.startsWith(region.divisionCode.slice(0, 2))) continue;
    const prefix = region.divisionCode.slice(0, 2);
    const index = regions.findIndex((layer) => layer.divisionPrefix === prefix);
    if (index >= 0) regions[index] = join(regions[index], region.years);
    else
      regions.push({
        kind: CalendarLayerKind.REGIONAL,
        name: region.name,
        divisionPrefix: prefix,
        years: [...region.years],
      });
  }
  layers.push(...regions);
  for (const local of entered.local) {
    layers.push({
      kind: CalendarLayerKind.LOCAL,
      name: local.name,
      divisionPrefix: null,
      years: [...local.years],
    });
  }
  return layers;
}
