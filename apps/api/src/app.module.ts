import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { AuthorizationGuard, CoreModule, SafeTextPipe, TongbanErrorFilter } from '@tongban/core';
import { CatalogModule } from '@tongban/catalog';
import { AuthenticationGuard, TenancyModule } from '@tongban/tenancy';
import { WorkflowModule } from '@tongban/workflow';
import { InsightsModule } from '@tongban/insights';
import { noStorePlugins } from './graphql/no-store';
import { DatabaseModule } from './database/database.module';
import { createErrorFormatter } from './graphql/error-format';
import { graphqlLimits } from './graphql/limits';
import { NoSubscriptions } from './graphql/no-subscriptions';
import { HealthController } from './health/health.controller';
import { JobsModule } from './jobs/jobs.module';
import { identityOptionsFor } from './runtime/identity-options';
import { clockFor } from './runtime/clock';
import { Runtime } from './runtime/runtime';

/** The API process: GraphQL, health probes, and (without Redis) the jobs in-process. */
@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const { config, logger } = runtime;
    const production = config.NODE_ENV === 'production';
    const limits = graphqlLimits(
      {
        maxDepth: config.GRAPHQL_MAX_DEPTH,
        maxCost: config.GRAPHQL_MAX_COST,
        maxAliases: config.GRAPHQL_MAX_ALIASES,
        maxTokens: config.GRAPHQL_MAX_TOKENS,
      },
      production,
    );
    return {
      module: AppModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: !production,
          ...limits,
          plugins: [...limits.plugins, ...noStorePlugins()],
          validationRules: [...limits.validationRules, NoSubscriptions],
          includeStacktraceInErrorResponses: false,
          allowBatchedHttpRequests: false,
          csrfPrevention: true,
          formatError: createErrorFormatter(logger, production),
          // Persisted queries are not offered: an APQ request is a client error, not a 500.
          persistedQueries: false,
          // Fastify hands Apollo's context function the request and the reply. The reply is a
          // thenable (it resolves when sent): Nest's pipes would wait on it, so resolvers get
          // only what they need of it.
          context: (req: unknown, reply: { header(name: string, value: string): unknown }) => ({
            req,
            res: { header: (name: string, value: string) => reply.header(name, value) },
          }),
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }),
        DatabaseModule.forRoot(runtime.dataSource, runtime.insightsReplica),
        CoreModule.forRoot({ clock: clockFor(config) }),
        TenancyModule.forRoot(identityOptionsFor(runtime)),
        CatalogModule,
        WorkflowModule,
        InsightsModule,
        JobsModule.forRoot({
          redisUrl: config.REDIS_URL ?? null,
          prefix: config.QUEUE_PREFIX,
          stalledMs: config.QUEUE_STALLED_MS,
          runsJobs: !config.REDIS_URL,
          concurrency: 2,
          purgeSessionsEveryMs: config.PURGE_SESSIONS_EVERY_MS,
          sweepDeadlinesEveryMs: config.SWEEP_DEADLINES_EVERY_MS,
          deliverNotificationsEveryMs: config.DELIVER_NOTIFICATIONS_EVERY_MS,
          defaultRatingsEveryMs: config.DEFAULT_RATINGS_EVERY_MS,
        }),
      ],
      controllers: [HealthController],
      providers: [
        // Order matters: who is calling, then whether they may.
        { provide: APP_GUARD, useExisting: AuthenticationGuard },
        { provide: APP_GUARD, useExisting: AuthorizationGuard },
        { provide: APP_FILTER, useClass: TongbanErrorFilter },
        // First: text the database can store, before any other check.
        { provide: APP_PIPE, useClass: SafeTextPipe },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
          }),
        },
      ],
    };
  }
}
