import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Who recorded an event: the token of the request, or the process, that recorded it.' })
export class EventActor {
  @Field({
    description: 'An API key’s name, `jwt:<issuer>` for a JWT, or a process such as `system:transfer-expiry`; `anonymous` in logs written before tokens.',
  })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Whom the token stands for: an API key’s id or a JWT’s `sub`; null for processes.' })
  subject!: string | null;
}
