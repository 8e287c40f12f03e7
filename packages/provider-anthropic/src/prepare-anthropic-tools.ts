import type { Tool, ToolChoice } from '@anthropic-ai/sdk/resources/messages';
import { type ToolChoice as CoreToolChoice, SwitchboardError, type ToolDefinition } from '@switchboard/core';
import { PROVIDER_ID } from './anthropic-error.js';

export interface PreparedTools {
  tools?: Tool[];
  tool_choice?: ToolChoice;
}

/**
 * Tool definitions and tool choice: `required` is Anthropic's `any`, a named tool is
 * `{ type: 'tool', name }`. https://platform.claude.com/docs/en/agents-and-tools/tool-use/define-tools
 */
export function prepareAnthropicTools(
  tools: readonly ToolDefinition[] | undefined,
  toolChoice: CoreToolChoice | undefined,
  disableParallelToolUse = false,
): PreparedTools {
  if (!tools || tools.length === 0) {
    if (toolChoice === 'required' || typeof toolChoice === 'object') {
      throw invalid(
        'The request asks for a tool call but defines no tools.',
        'Add the tools, or drop toolChoice.',
      );
    }
    return {};
  }
  const prepared: PreparedTools = {
    tools: tools.map((tool) => ({
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      // input_schema must describe an object; core's parameters may leave `type` out.
      input_schema: { type: 'object', ...tool.parameters },
    })),
  };
  const parallel = disableParallelToolUse ? { disable_parallel_tool_use: true } : {};
  if (toolChoice === undefined || toolChoice === 'auto') {
    if (disableParallelToolUse) prepared.tool_choice = { type: 'auto', ...parallel };
  } else if (toolChoice === 'none') {
    prepared.tool_choice = { type: 'none' };
  } else if (toolChoice === 'required') {
    prepared.tool_choice = { type: 'any', ...parallel };
  } else {
    if (!tools.some((tool) => tool.name === toolChoice.name)) {
      throw invalid(
        `toolChoice names the tool "${toolChoice.name}", which the request does not define.`,
        `Use one of: ${tools.map((tool) => tool.name).join(', ')}.`,
      );
    }
    prepared.tool_choice = { type: 'tool', name: toolChoice.name, ...parallel };
  }
  return prepared;
}

function invalid(message: string, hint: string): SwitchboardError {
  return new SwitchboardError('invalid-request', message, { provider: PROVIDER_ID, hint });
}
