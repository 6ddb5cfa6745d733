import { DynamicModule, Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CatalogModule, DEMO_STANDARD_CATALOGUE, ServiceTier } from '@tongban/catalog';
import {
  type Actor,
  Clock,
  CoreModule,
  InProcessJobQueue,
  JobActors,
  JobQueue,
  JobRunner,
  RequestContext,
  TenantKind,
} from '@tongban/core';
import { type IdentityOptions, TenancyModule } from '@tongban/tenancy';
import type { DataSource } from 'typeorm';
import type { Configuration } from '../config/configuration';
import {
  type ApplicationView,
  ApplicationService,
  composeCalendar,
  layersFor,
  LifecycleService,
  NATIONAL_SCHEDULE,
  provisionalCalendar,
  REGIONAL_SCHEDULES,
  WorkflowModule,
} from '@tongban/workflow';
import { InsightsModule } from '@tongban/insights';
import { DatabaseModule } from '../database/database.module';
import { DemoSeedRefusedError } from './seed-demo';
import { DEMO_HISTORY_HALLS, DEMO_STORIES, type DemoHall } from './demo-history-data';
import { type DemoMenuItem, type PlannedApplication, planDemoHistory } from './demo-history-plan';

/**
 * What the history needs of the process (runtime/ hands it over): the database, the
 * configuration, and the identity options the tenancy module is built with (no signing keys:
 * the history issues no tokens).
 */
export interface HistoryRuntime {
  dataSource: DataSource;
  config: Pick<Configuration, 'NODE_ENV'>;
  identity: IdentityOptions;
}

export interface HistoryReport {
  applications: number;
  /** Acts played through the services (intake included). */
  acts: number;
  ms: number;
}

/**
 * How many times each story's count is played on PostgreSQL: thirteen months of 704
 * applications (2,832 acts, about 33 s), some 55 a month across the halls, enough for the insights'
 * charts and league tables to say something.
 */
export const HISTORY_SCALE = 2;

/**
 * The share played on the embedded database (one connection to PGlite, slower): half as
 * many, to keep the first `npm start` short.
 */
export const EMBEDDED_HISTORY_SCALE = 1;

/** Marks the history's applications: their intake keys (and what makes a second run add none). */
const INTAKE_KEY_PREFIX = 'demo-history-';

/** The clock the services read, set by the generator to each step's moment. */
export class TravellingClock extends Clock {
  private instant = new Date();
  set(at: Date): void {
    this.instant = new Date(at.getTime());
  }
  now(): Date {
    return new Date(this.instant.getTime());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: JobQueue,
      useFactory: (runner: JobRunner) => new InProcessJobQueue(runner),
      inject: [JobRunner],
    },
  ],
  exports: [JobQueue],
})
class DemoJobsModule {}

/** The services the history is played through: what the worker runs, with a travelling clock. */
@Module({})
class DemoHistoryModule {
  static forRoot(runtime: HistoryRuntime, clock: TravellingClock): DynamicModule {
    return {
      module: DemoHistoryModule,
      imports: [
        DatabaseModule.forRoot(runtime.dataSource),
        CoreModule.forRoot({ clock }),
        TenancyModule.forRoot(runtime.identity),
        CatalogModule,
        WorkflowModule,
        InsightsModule,
        DemoJobsModule,
      ],
    };
  }
}

/**
 * The demo's application history (issue 11 item 7, a year of it for issue 13): several hundred
 * applications over the last thirteen months, every one taken in and moved through the real ApplicationService and
 * LifecycleService, as the demo person who would act, at the moment the plan says. Events,
 * pauses, extensions and deadlines are what the services write. Once: nothing when the
 * history is there already. `scale` (HISTORY_SCALE unless given) multiplies each story's count (each at least once).
 */
export async function generateDemoHistory(
  runtime: HistoryRuntime,
  options: { scale?: number } = {},
): Promise<HistoryReport> {
  if (runtime.config.NODE_ENV === 'production') throw new DemoSeedRefusedError();
  const started = Date.now();
  const { dataSource } = runtime;
  const [{ any }] = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM applications WHERE intake_key LIKE $1) AS any`,
    [`${INTAKE_KEY_PREFIX}%`],
  );
  if (any) return { applications: 0, acts: 0, ms: Date.now() - started };

  // The demo's tenants are all in Guangxi and enter no days of their own: one calendar, with
  // a year not published yet counted by weekends alone, as the services count it.
  const calendar = provisionalCalendar(
    composeCalendar(layersFor('450222', NATIONAL_SCHEDULE, REGIONAL_SCHEDULES)),
    new Date().getUTCFullYear() + 1,
  );
  const plan = planDemoHistory({
    now: new Date(),
    calendar,
    halls: DEMO_HISTORY_HALLS,
    stories: DEMO_STORIES,
    menus: await hallMenus(runtime, DEMO_HISTORY_HALLS),
    scale: options.scale ?? HISTORY_SCALE,
  });

  const clock = new TravellingClock();
  const app = await NestFactory.createApplicationContext(
    DemoHistoryModule.forRoot(runtime, clock),
    { logger: false },
  );
  try {
    const player = new HistoryPlayer(runtime, clock, {
      context: app.get(RequestContext),
      actors: app.get(JobActors),
      intake: app.get(ApplicationService, { strict: false }),
      lifecycle: app.get(LifecycleService, { strict: false }),
    });
    let acts = 0;
    for (const application of plan) {
      try {
        acts += await player.play(application);
      } catch (error) {
        const where = `${application.story}, ${application.hall.key}, ${application.itemCode}`;
        throw new Error(`Demo history (${where}): ${(error as Error).message}`, { cause: error });
      }
    }
    return { applications: plan.length, acts, ms: Date.now() - started };
  } finally {
    await (app.get(JobQueue) as InProcessJobQueue).close();
    await app.close();
  }
}

/** Plays one planned application's steps, each as its actor at its moment. */
class HistoryPlayer {
  private readonly actorCache = new Map<string, Actor>();
  private readonly windowIds = new Map<string, string>();

  constructor(
    private readonly runtime: HistoryRuntime,
    private readonly clock: TravellingClock,
    private readonly services: {
      context: RequestContext;
      actors: JobActors;
      intake: ApplicationService;
      lifecycle: LifecycleService;
    },
  ) {}

  async play(application: PlannedApplication): Promise<number> {
    const { intake, lifecycle } = this.services;
    // The application at each end: where it was taken in, and (代办) where it was forwarded.
    const ends: Record<'origin' | 'handler', { hall: DemoHall; id: string } | null> = {
      origin: null,
      handler: null,
    };
    let last: { end: 'origin' | 'handler'; view: ApplicationView } | null = null;
    for (const { step, at } of application.steps) {
      this.clock.set(at);
      const end = 'by' in step && step.by === 'handler' ? 'handler' : 'origin';
      const acting = step.act === 'SUBMIT' ? { hall: application.hall, id: '' } : ends[end];
      if (!acting) throw new Error(`Demo history: “${application.story}” acts before forwarding`);
      const { hall } = acting;
      const actor = step.act === 'DECIDE_EXTENSION' ? hall.manager : hall.staff;
      if (!actor) throw new Error(`Demo history: ${hall.key} has no manager to decide extensions`);
      const view: ApplicationView = await this.as(actor, async (): Promise<ApplicationView> => {
        if (step.act === 'SUBMIT') {
          return intake.submit({
            windowId: await this.windowOf(hall),
            intakeKey: application.intakeKey,
            itemCode: application.itemCode,
            applicant: application.applicant,
          });
        }
        // Acts at one end of a chain move the other: read it again after acting there.
        const current = last?.end === end ? last.view : await intake.get(acting.id);
        if (step.act === 'REQUEST_EXTENSION') {
          return lifecycle.requestExtension(current.id, {
            version: current.version,
            workingDays: step.workingDays,
            reason: step.reason,
          });
        }
        if (step.act === 'DECIDE_EXTENSION') {
          const pending = (await lifecycle.extensions(current)).find(
            (extension) => extension.status === 'PENDING',
          );
          if (!pending) throw new Error('Demo history: no extension waits for a decision');
          return lifecycle.decideExtension(pending.id, {
            approve: step.approve,
            note: step.note ?? null,
          });
        }
        const missingMaterials = step.missing
          ? ((await lifecycle.itemMaterials(current)) ?? [])
              .filter((material) => material.required)
              .slice(0, step.missing)
              .map((material) => material.name)
          : null;
        return lifecycle.act(current.id, step.act, {
          version: current.version,
          reason: step.reason ?? null,
          procedure: step.procedure ?? null,
          missingMaterials,
        });
      });
      if (step.act === 'SUBMIT') ends.origin = { hall, id: view.id };
      if (view.forwardedTo && !ends.handler) {
        ends.handler = {
          hall: await this.hallOfApplication(view.forwardedTo.id),
          id: view.forwardedTo.id,
        };
      }
      last = { end, view };
    }
    return application.steps.length;
  }

  /** The demo hall whose window an application (forwarded there) landed at. */
  private async hallOfApplication(id: string): Promise<DemoHall> {
    const [row] = await this.runtime.dataSource.query(
      `SELECT window_id AS "windowId" FROM applications WHERE id = $1`,
      [id],
    );
    for (const hall of DEMO_HISTORY_HALLS) {
      if ((await this.windowOf(hall)) === row?.windowId) return hall;
    }
    throw new Error('Demo history: an application was forwarded to a hall the demo does not play');
  }

  private async as<T>(username: string, work: () => Promise<T>): Promise<T> {
    let actor = this.actorCache.get(username);
    if (!actor) {
      const [user] = await this.runtime.dataSource.query(
        `SELECT id FROM users WHERE lower(username) = lower($1)`,
        [username],
      );
      // The same entry as a job's: the person's roles in their home tenant, if still active.
      actor = (user && (await this.services.actors.actorFor(user.id))) ?? undefined;
      if (!actor) throw new Error(`Demo history: no active demo person ${username}`);
      this.actorCache.set(username, actor);
    }
    return this.services.context.runAs(actor, work);
  }

  private async windowOf(hall: DemoHall): Promise<string> {
    let id = this.windowIds.get(hall.key);
    if (!id) {
      const [window] = await this.runtime.dataSource.query(
        `SELECT w.id FROM service_windows w JOIN tenants t ON t.id = w.tenant_id
          WHERE t.division_code = $1 AND w.code = $2`,
        [hall.tenant, hall.window],
      );
      id = window.id as string;
      this.windowIds.set(hall.key, id);
    }
    return id;
  }
}

const TIER_OF: Partial<Record<TenantKind, ServiceTier>> = {
  [TenantKind.COUNTY]: ServiceTier.COUNTY,
  [TenantKind.TOWNSHIP]: ServiceTier.TOWNSHIP,
  [TenantKind.VILLAGE]: ServiceTier.VILLAGE,
};

/**
 * What each hall's list holds, by what the stories need: decided there (in days or on the
 * spot) or only taken in. A window for one department takes its items; the hall's other
 * windows the rest.
 */
async function hallMenus(
  runtime: HistoryRuntime,
  halls: readonly DemoHall[],
): Promise<Map<string, DemoMenuItem[]>> {
  const standard = new Map(DEMO_STANDARD_CATALOGUE.map((item) => [item.code, item]));
  const menus = new Map<string, DemoMenuItem[]>();
  for (const hall of halls) {
    const rows: { code: string; promisedDays: number | null; kind: TenantKind }[] =
      await runtime.dataSource.query(
        `SELECT i.code, i.promised_days AS "promisedDays", t.kind
           FROM implementation_items i JOIN tenants t ON t.id = i.tenant_id
          WHERE t.division_code = $1 ORDER BY i.code`,
        [hall.tenant],
      );
    const departments = halls
      .filter((other) => other.tenant === hall.tenant && other.department)
      .map((other) => other.department!);
    menus.set(
      hall.key,
      rows.flatMap((row) => {
        const item = standard.get(row.code);
        const tier = TIER_OF[row.kind];
        if (!item || !tier) return [];
        const department = item.competentDepartment;
        const mine = hall.department
          ? hall.department.test(department)
          : !departments.some((pattern) => pattern.test(department));
        if (!mine) return [];
        const kind = item.handlingTiers.includes(tier)
          ? row.promisedDays === null
            ? 'onTheSpot'
            : 'handled'
          : !item.intakeOnlyTiers.includes(tier)
            ? null
            : tier === ServiceTier.VILLAGE &&
                item.handlingTiers.includes(ServiceTier.TOWNSHIP) &&
                row.promisedDays !== null
              ? 'forTownship'
              : 'intakeOnly';
        return kind
          ? [{ code: row.code, kind, promisedDays: row.promisedDays ?? 0, department } as const]
          : [];
      }),
    );
  }
  return menus;
}
