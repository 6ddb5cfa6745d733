import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { NoSubscriptions } from './no-subscriptions';

const schema = buildSchema(`type Query { me: String }`);
const errorsOf = (document: string) =>
  validate(schema, parse(document), [...specifiedRules, NoSubscriptions]).map((e) => e.message);

describe('no subscriptions', () => {
  it('refuses a subscription operation while validating', () => {
    expect(errorsOf('subscription { me }')).toContain('Subscriptions are not offered by this API');
  });

  it('lets queries through', () => {
    expect(errorsOf('{ me }')).toEqual([]);
  });
});
