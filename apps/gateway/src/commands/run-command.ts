import { commandSchemas, controlCommands, fail, ok, type CommandName, type CommandResults, type Result } from '@lanes/events';
import { CommandFailure } from '../command-failure';
import type { GatewayServices } from '../services';
import { commandHandlers } from './command-handlers';
import type { Session } from './session';

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandSchemas, name);
}

/**
 * The one way a command runs, from a socket or from REST: validate the payload, check the session may
 * change things, do it, and answer a Result. Nothing throws out of here.
 */
export async function runCommand<C extends CommandName>(services: GatewayServices, name: C, payload: unknown, session: Session): Promise<Result<CommandResults[C]>> {
  const parsed = commandSchemas[name].safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    return fail('invalid_input', field ? `${field}: ${issue.message}` : issue.message, field || undefined);
  }
  if (controlCommands.has(name) && !session.canControl) {
    return fail('forbidden', 'Only the presenter can change things here: open the presenter link (it carries the token) to take control. You can still watch.');
  }
  try {
    const handler = commandHandlers[name] as (s: GatewayServices, p: unknown, session: Session) => Promise<CommandResults[C]>;
    return ok(await handler(services, parsed.data, session));
  } catch (error) {
    if (error instanceof CommandFailure) return fail(error.code, error.message, error.field);
    services.log(`command ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fail('internal', `The gateway could not ${name.replace(':', ' ')}: ${error instanceof Error ? error.message : String(error)}. The details are in the gateway's log.`);
  }
}
