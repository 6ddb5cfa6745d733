import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { ALL_RESOLVERS } from '../graphql/resolvers';

/**
 * Prints the GraphQL schema the code defines. `--write` updates apps/api/schema.gql;
 * `--check` fails when the committed file differs from the code (so schema changes are
 * reviewed as schema changes).
 */
const SCHEMA_FILE = resolve('apps/api/schema.gql');

export async function buildSchemaText(): Promise<string> {
  // An application context: printing the schema needs no HTTP server.
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, {
    logger: false,
  });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(ALL_RESOLVERS);
  await app.close();
  return `# Generated from the code by \`npm run schema:generate\`; do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function main(): Promise<void> {
  const text = await buildSchemaText();
  if (process.argv.includes('--write')) {
    writeFileSync(SCHEMA_FILE, text);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    // missing file: reported as drift below
  }
  if (committed !== text) {
    process.stderr.write(
      `apps/api/schema.gql is out of date with the code. Run \`npm run schema:generate\` and commit it.\n`,
    );
    process.exit(1);
  }
  process.stdout.write('apps/api/schema.gql matches the code\n');
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
