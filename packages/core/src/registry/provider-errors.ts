import { isSwitchboardError, SwitchboardError } from '../errors/errors.js';
import { redact } from '../errors/redact.js';
import { describeError } from '../plugin/describe-error.js';

/** A provider's own SwitchboardError passes through; anything else becomes a 'plugin' error. */
export function providerFault(message: string, error: unknown, provider: string, model?: string): Error {
  if (isSwitchboardError(error)) return error;
  return new SwitchboardError(
    'plugin',
    error === undefined ? `${message}.` : `${message}: ${describeError(error)}`,
    {
      provider,
      ...(model === undefined ? {} : { model }),
      ...(error === undefined ? {} : { cause: error }),
      hint: 'The provider plugin raised an error; see the Switchboard log.',
    },
  );
}

/** A Switchboard error's message as is (already redacted); anything else with its class name. */
export function reasonOf(error: unknown): string {
  return isSwitchboardError(error) ? error.message : redact(describeError(error));
}
