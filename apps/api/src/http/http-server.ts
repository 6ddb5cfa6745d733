import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { loggableError } from '@tongban/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CLS_ID, ClsService } from 'nestjs-cls';
import type { Logger } from 'pino';

/** Room for a spreadsheet upload (2 MB of XLSX, base64); larger bodies are refused (413). */
const BODY_LIMIT_BYTES = 3 * 1024 * 1024;
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Nest sets its own Fastify error handler while it initializes (the router's exception layer),
 * after `configureHttp` has set ours, and Fastify routes keep the handler in force when they
 * are registered: a 413 or malformed JSON was answered Nest's way and never logged. Ours
 * stays; Nest's controllers still answer their own exceptions through their filters.
 */
class OwnErrorHandlerAdapter extends FastifyAdapter {
  override setErrorHandler(): ReturnType<FastifyAdapter['setErrorHandler']> {
    return this.getInstance();
  }
}

/**
 * The HTTP server: Fastify under Nest and Apollo (a lighter request path than Express; the
 * `me` benchmark in BENCHMARKS.md). Every request gets an id (the caller's X-Request-Id when it
 * looks sane, a new UUID otherwise), echoed in the response, logged with every line and used
 * as the correlation id of masked errors.
 */
export function httpAdapter(trustProxy: boolean | number | string): FastifyAdapter {
  return new OwnErrorHandlerAdapter({
    trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    logger: false,
    disableRequestLogging: true,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
}

export async function configureHttp(
  app: NestFastifyApplication,
  options: { logger: Logger; cls: ClsService },
): Promise<void> {
  const { logger, cls } = options;
  const server = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  server.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    // HSTS only over TLS (directly, or through a trusted proxy): on plain-HTTP development it
    // would lock a browser out of localhost.
    if (request.protocol === 'https') {
      reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    done();
  });
  // The request context (DESIGN.md §2): the handler runs inside one AsyncLocalStorage run of
  // nestjs-cls's ClsService, its id the request id.
  server.addHook('preHandler', (request, _reply, done) => {
    cls.run(() => {
      cls.set(CLS_ID, request.id);
      done();
    });
  });
  server.addHook('onResponse', (request, reply, done) => {
    if (logger.isLevelEnabled('info') && !request.url.startsWith('/health')) {
      logger.info(
        {
          req: { id: request.id, method: request.method, url: request.url },
          res: { statusCode: reply.statusCode },
          responseTime: reply.elapsedTime,
        },
        'request completed',
      );
    }
    done();
  });

  // A client's mistake before any handler (a 413, malformed JSON, an unknown content type) is
  // answered with its status and logged as a warning without a stack; anything else is
  // masked and logged without the values it carried.
  server.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      logger.warn(
        { req: { id: request.id }, statusCode: status, reason: error.code ?? error.message },
        'client error',
      );
      return reply
        .status(status)
        .send({ errors: [{ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }] });
    }
    logger.error({ correlationId: request.id, error: loggableError(error) }, 'unexpected error');
    return reply.status(500).send({
      errors: [
        {
          message: `Internal server error (reference ${request.id})`,
          extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: request.id },
        },
      ],
    });
  });

  // A text/plain body reaches Apollo, whose CSRF prevention refuses it by name.
  server.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  // Security headers on every answer: a strict Content-Security-Policy with no inline script
  // (the admin app's styles are injected by Ant Design, hence 'unsafe-inline' for styles
  // only), no framing, no MIME sniffing, no referrer sent elsewhere.
  await app.register(fastifyHelmet as never, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  // Compressed answers above 1 KiB (the admin app's bundles, long lists); small GraphQL
  // answers such as `me` are sent as they are.
  await app.register(fastifyCompress as never, { threshold: 1024, encodings: ['br', 'gzip'] });
}
