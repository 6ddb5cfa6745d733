import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ObjectType('InboxMessage', { description: 'A notification delivered to you' })
export class InboxMessageModel {
  @Field(() => ID)
  id!: string;
  @Field()
  subject!: string;
  @Field()
  body!: string;
  @Field()
  receivedAt!: Date;
  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

@ObjectType('Inbox')
export class InboxModel {
  @Field(() => Int)
  unread!: number;
  @Field(() => [InboxMessageModel], { description: 'Newest first, at most 100' })
  messages!: InboxMessageModel[];
}

@InputType()
export class MarkInboxMessageReadInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}
