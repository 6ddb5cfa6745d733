import { Foundation1764201600000 } from './1764201600000-foundation';
import { TenantIsolation1764288000000 } from './1764288000000-tenant-isolation';
import { IndexableScope1764374400000 } from './1764374400000-indexable-scope';
import { ApplicationIntake1764460800000 } from './1764460800000-application-intake';
import { ScopeArray1764547200000 } from './1764547200000-scope-array';
import { RecoveryWindowsSuspension1764806400000 } from './1764806400000-recovery-windows-suspension';
import { DivisionScope1764892800000 } from './1764892800000-division-scope';
import { Catalogue1764979200000 } from './1764979200000-catalogue';
import { ApplicationItem1765065600000 } from './1765065600000-application-item';
import { CatalogueReadRange1765152000000 } from './1765152000000-catalogue-read-range';
import { CatalogueRollout1765238400000 } from './1765238400000-catalogue-rollout';
import { ApplicationLifecycle1765324800000 } from './1765324800000-application-lifecycle';
import { WorkingCalendar1765411200000 } from './1765411200000-working-calendar';
import { Consultations1765497600000 } from './1765497600000-consultations';
import { ProxyIntake1765584000000 } from './1765584000000-proxy-intake';
import { Supervision1765670400000 } from './1765670400000-supervision';
import { Insights1766188800000 } from './1766188800000-insights';
import { Attendance1766275200000 } from './1766275200000-attendance';
import { WindowCamera1765929600000 } from './1765929600000-window-camera';
import { Evaluation1765756800000 } from './1765756800000-evaluation';
import { Complaints1766016000000 } from './1766016000000-complaints';

/** Every migration, in order. A schema change is a new file here, never `synchronize`. */
export const MIGRATIONS = [
  Foundation1764201600000,
  TenantIsolation1764288000000,
  IndexableScope1764374400000,
  ApplicationIntake1764460800000,
  ScopeArray1764547200000,
  RecoveryWindowsSuspension1764806400000,
  DivisionScope1764892800000,
  Catalogue1764979200000,
  ApplicationItem1765065600000,
  CatalogueReadRange1765152000000,
  CatalogueRollout1765238400000,
  ApplicationLifecycle1765324800000,
  WorkingCalendar1765411200000,
  Consultations1765497600000,
  ProxyIntake1765584000000,
  Supervision1765670400000,
  Evaluation1765756800000,
  WindowCamera1765929600000,
  Complaints1766016000000,
  Insights1766188800000,
  Attendance1766275200000,
];
