import { createContext, useCallback, useContext, useState } from 'react';
import type { CommandError, CommandInput, CommandName, CommandResults, Result } from '@lanes/events';
import { sendCommand, type LanesSocket } from './socket';

const GatewayContext = createContext<LanesSocket | null>(null);

export const GatewayProvider = GatewayContext.Provider;

export function useSocket(): LanesSocket {
  const socket = useContext(GatewayContext);
  if (!socket) throw new Error('useSocket must be used inside <GatewayProvider>');
  return socket;
}

/**
 * Runs one kind of command and keeps its error beside the control that sent it.
 *
 * @example
 *   const create = useCommand('topic:create');
 *   await create.run({ name, partitions });
 *   {create.error && <FieldError error={create.error} />}
 */
export function useCommand<C extends CommandName>(name: C) {
  const socket = useSocket();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const run = useCallback(
    async (payload: CommandInput<C>): Promise<Result<CommandResults[C]>> => {
      setPending(true);
      setError(null);
      try {
        const result = await sendCommand(socket, name, payload);
        if (!result.ok) setError(result.error);
        return result;
      } finally {
        setPending(false);
      }
    },
    [socket, name],
  );
  const clear = useCallback(() => setError(null), []);
  return { run, pending, error, clear };
}
