import type { Aggregate } from '../../domain/aggregate';
import type { OrgEvent } from '../../domain/events';
import type { CommandHandler, CommandOptions, CommandResult } from './commandHandler';

/** A command, or how to build it from the current state when cross-aggregate facts depend on it. */
export type CommandFor<Command, State> = Command | ((state: State) => Command | Promise<Command>);

/** The command path of one aggregate: decide a command on the aggregate with this id and append what it produced. */
export interface CommandPath<Command, State> {
  handle(id: string, command: CommandFor<Command, State>, options: CommandOptions): Promise<CommandResult>;
}

/** What a command path needs of an aggregate: where its ids are recorded and how it decides. */
export type DecidedStreams<Command, Event extends OrgEvent, State> = Pick<Aggregate<Command, Event, State>, 'streamId' | 'decider'>;

/** Builds the command path of each aggregate once, in the composition root, over one command handler. */
export class CommandPaths {
  constructor(private readonly handler: CommandHandler) {}

  of<Command extends { effectiveDate: string }, Event extends OrgEvent, State>(aggregate: DecidedStreams<Command, Event, State>): CommandPath<Command, State> {
    const { streamId, decider } = aggregate;
    return {
      handle: (id, command, options) => this.handler.handle(streamId(id), decider, isBuiltFromState(command) ? command : () => command, options),
    };
  }
}

function isBuiltFromState<Command, State>(command: CommandFor<Command, State>): command is (state: State) => Command | Promise<Command> {
  return typeof command === 'function';
}
