import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLField,
  GraphQLSchema,
  isEnumType,
  isScalarType,
} from 'graphql';
import { gql } from './graphql';

export type OperationType = 'query' | 'mutation';

export interface SchemaOperation {
  type: OperationType;
  field: GraphQLField<unknown, unknown>;
}

/** The schema the running API serves (introspection), as a client sees it. */
export async function servedSchema(baseUrl: string): Promise<GraphQLSchema> {
  const introspection = await gql(baseUrl, getIntrospectionQuery());
  if (introspection.errors) throw new Error(JSON.stringify(introspection.errors));
  return buildClientSchema(introspection.data as never);
}

/** Every query and mutation of the schema: a new one is covered without editing a test. */
export function schemaOperations(schema: GraphQLSchema): SchemaOperation[] {
  const out: SchemaOperation[] = [];
  for (const [type, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) out.push({ type, field });
  }
  return out;
}

/** A document calling `field` with every argument as a variable of the argument's name. */
export function operationDocument({ type, field }: SchemaOperation): string {
  const declared = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${type}${declared ? ` (${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selectionOf(field)} }`;
}

/** The smallest selection that is valid: one scalar field, or a path down to one. */
export function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isScalarType(named) || isEnumType(named)) return '';
  const fields = (
    named as { getFields(): Record<string, GraphQLField<unknown, unknown>> }
  ).getFields();
  const scalar = Object.values(fields).find((f) => {
    const n = getNamedType(f.type);
    return (isScalarType(n) || isEnumType(n)) && f.args.length === 0;
  });
  if (scalar) return `{ ${scalar.name} }`;
  const nested = Object.values(fields).find((f) => f.args.length === 0)!;
  return `{ ${nested.name} ${selectionOf(nested)} }`;
}
