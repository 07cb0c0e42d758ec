import { useId, type ReactNode } from 'react';
import { useAws } from '../aws/AwsProvider';
import { cliCommand, cliInputJson, type CliCall } from '../aws/cli';
import { CopyButton } from './CopyButton';

/**
 * The `aws ivs-realtime …` equivalent of a view or an action, and its JSON input, ready to copy.
 * Collapsed by default so it never crowds the page it belongs to. Where config.json points the region at another
 * endpoint (the emulator), the command names it, so it runs as copied.
 */
export function CliCommand({ call, title = 'AWS CLI equivalent' }: { call: CliCall; title?: string }): ReactNode {
  const id = useId();
  const endpoint = useAws().endpointOf?.(call.region);
  const line = cliCommand(endpoint ? { ...call, endpoint } : call);
  const json = cliInputJson(call);
  return (
    <details className="cli">
      <summary>{title}</summary>
      <div role="group" aria-labelledby={`${id}-cmd`}>
        <p id={`${id}-cmd`}>
          Command (<code>{call.operation}</code> in {call.region}) <CopyButton text={line} label="Copy command" />
        </p>
        <pre aria-label={`CLI command for ${call.operation}`}>
          <code>{line}</code>
        </pre>
        <p>
          JSON input, for <code>--cli-input-json file://input.json</code> <CopyButton text={json} label="Copy JSON input" />
        </p>
        <pre aria-label={`CLI JSON input for ${call.operation}`}>
          <code>{json}</code>
        </pre>
      </div>
    </details>
  );
}
