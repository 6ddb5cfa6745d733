/** The signed-in person (`me`): who they are, their home tenant and their roles there. */
import type { MeQuery } from '../api/graphql.generated';

export type CurrentUser = MeQuery['me'];
