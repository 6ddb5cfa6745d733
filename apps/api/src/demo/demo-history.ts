import { DynamicModule, Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DEMO_STANDARD_CATALOGUE, ServiceTier } from '@tongban/catalog';
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
import { TenancyModule } from '@tongban/tenancy';
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
import { CatalogModule } from '@tongban/catalog';
import { DatabaseModule } from '../database/database.module';
import { identityOptionsFor } from '../runtime/identity-options';
import { type Runtime } from '../runtime/runtime';
import { DemoSeedRefusedError } from './seed-demo';
import { DEMO_HISTORY_HALLS, DEMO_STORIES, type DemoHall } from './demo-history-data';
import { type DemoMenuItem, type PlannedApplication, planDemoHistory } from './demo-history-plan';

export interface HistoryReport {
  applications: number;
  /** Acts played through the services (intake included). */
  acts: number;
  ms: number;
}

/**
 * The share of the stories played on the embedded database: the whole history (353
 * applications, 1,355 acts) took 27 s of `npm start` on PGlite (25 s on PostgreSQL).
 */
export const EMBEDDED_HISTORY_SCALE = 0.6;

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
  static forRoot(runtime: Runtime, clock: TravellingClock): DynamicModule {
    return {
      module: DemoHistoryModule,
      imports: [
        DatabaseModule.forRoot(runtime.dataSource),
        // A dynamic module's providers are registered after its decorator's: this Clock
        // replaces the SystemClock for every service that injects one.
        { module: CoreModule, providers: [{ provide: Clock, useValue: clock }] },
        TenancyModule.forRoot(identityOptionsFor(runtime, { signsTokens: false })),
        CatalogModule,
        WorkflowModule,
        DemoJobsModule,
      ],
    };
  }
}

/**
 * The demo's application history (issue 11 item 7): a few hundred applications over the last
 * months, every one taken in and moved through the real ApplicationService and
 * LifecycleService, as the demo person who would act, at the moment the plan says. Events,
 * pauses, extensions and deadlines are what the services write. Once: nothing when the
 * history is there already. `scale` makes it smaller (each story at least once).
 */
export async function generateDemoHistory(
  runtime: Runtime,
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
    scale: options.scale,
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
    for (const application of plan) acts += await player.play(application);
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
    private readonly runtime: Runtime,
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
    let view: ApplicationView | null = null;
    for (const { step, at } of application.steps) {
      this.clock.set(at);
      // Where the step is done: the intake hall, or (once forwarded) the one it went to.
      const hall = ('by' in step && step.by && hallNamed(step.by)) || application.hall;
      const actor = step.act === 'DECIDE_EXTENSION' ? hall.manager : hall.staff;
      if (!actor) throw new Error(`Demo history: ${hall.key} has no manager to decide extensions`);
      const current: ApplicationView | null = view;
      view = await this.as(actor, async (): Promise<ApplicationView> => {
        if (step.act === 'SUBMIT') {
          return intake.submit({
            windowId: await this.windowOf(hall),
            intakeKey: application.intakeKey,
            itemCode: application.itemCode,
            applicant: application.applicant,
          });
        }
        if (!current) throw new Error('Demo history: a story starts with SUBMIT');
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
    }
    return application.steps.length;
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

function hallNamed(key: string): DemoHall {
  const hall = DEMO_HISTORY_HALLS.find((candidate) => candidate.key === key);
  if (!hall) throw new Error(`Demo history: no hall ${key}`);
  return hall;
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
  runtime: Runtime,
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
          : item.intakeOnlyTiers.includes(tier)
            ? 'intakeOnly'
            : null;
        return kind
          ? [{ code: row.code, kind, promisedDays: row.promisedDays ?? 0, department }]
          : [];
      }),
    );
  }
  return menus;
}
